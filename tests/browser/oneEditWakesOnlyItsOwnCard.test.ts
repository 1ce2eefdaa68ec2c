import type { Page } from 'playwright-core'
import type { TLShapeId, TLShapePartial } from 'tldraw'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceInANewMap } from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

interface Wakes {
	/** How many of tldraw's per-shape "place this shape" effects one edit scheduled. */
	placed: number
	/** How many arrows' drawing effects it scheduled, and how many arrows touch the card. */
	arrowsDrawn: number
	arrowsOnTheCard: number
	/** How many "efficient zoom" effects (each arrow label has one) it scheduled. */
	zoomChecks: number
	cardsInStages: number
	arrows: number
	stages: number
}

/**
 * Retitles one milestone and counts the shapes whose placement effect (tldraw's "set shape
 * stuff": transform, size and clip of each shape on the canvas) the edit woke. tldraw's state
 * library keeps its EffectScheduler class on globalThis, shared by every copy of the library.
 */
async function wakesOfOneEdit(page: Page): Promise<Wakes> {
	return page.evaluate(() => {
		const editor = window.editor!
		const shapes = editor.getCurrentPageShapes()
		// A card with an arrow or two: those arrows, and only those, have something to redraw.
		const arrowsOn = (id: TLShapeId) => editor.getBindingsToShape(id, 'arrow').length
		const milestone = shapes
			.filter((s) => s.type === 'milestone' && arrowsOn(s.id) > 0)
			.sort((a, b) => arrowsOn(a.id) - arrowsOn(b.id))[0]!
		const scheduler = (globalThis as Record<symbol, { prototype: Record<string, unknown> }>)[
			Symbol.for('com.tldraw.state/EffectScheduler')
		]!
		const original = scheduler.prototype.maybeScheduleEffect as () => void
		let placed = 0
		let arrowsDrawn = 0
		let zoomChecks = 0
		scheduler.prototype.maybeScheduleEffect = function (this: { name: string }) {
			if (this.name === 'set shape stuff') placed++
			if (this.name === 'useStateTracking(InnerShape:arrow)') arrowsDrawn++
			if (this.name === 'useValue(efficient zoom threshold)') zoomChecks++
			return original.call(this)
		}
		try {
			editor.updateShape({ id: milestone.id, type: 'milestone', props: { title: 'Retitled once' } })
		} finally {
			scheduler.prototype.maybeScheduleEffect = original
		}
		return {
			placed,
			arrowsDrawn,
			arrowsOnTheCard: editor.getBindingsToShape(milestone, 'arrow').length,
			zoomChecks,
			cardsInStages: shapes.filter(
				(s) =>
					s.type !== 'arrow' && s.type !== 'frame' && editor.getShape(s.parentId)?.type === 'frame'
			).length,
			arrows: shapes.filter((s) => s.type === 'arrow').length,
			stages: shapes.filter((s) => s.type === 'frame').length,
		}
	})
}

/** Each stage's clip (what its cards are cut to) and its geometry's outline, at the current zoom. */
async function clipsAndOutlines(page: Page): Promise<Array<{ clip: string; outline: string }>> {
	return page.evaluate(() => {
		const editor = window.editor!
		const points = (vs: Array<{ x: number; y: number }>) =>
			vs.map((v) => `${v.x.toFixed(3)},${v.y.toFixed(3)}`).join(' ')
		return editor
			.getCurrentPageShapes()
			.filter((s) => s.type === 'frame')
			.map((stage) => ({
				clip: points(editor.getShapeUtil(stage).getClipPath!(stage)!),
				outline: points(editor.getShapeGeometry(stage).vertices),
			}))
	})
}

describe('an edit to one card wakes that card, not every card on the map', () => {
	let page: Page

	beforeAll(async () => {
		page = (await aliceInANewMap()).alice.page
		await drawSampleMap(page)
	})

	it('wakes the edited card and the arrows that touch it, not every card, stage or arrow', async () => {
		const wakes = await wakesOfOneEdit(page)
		console.log('one edit woke', JSON.stringify(wakes))
		expect(wakes.cardsInStages).toBeGreaterThan(10)
		expect(wakes.arrows).toBeGreaterThan(wakes.arrowsOnTheCard + 5)
		expect(wakes.arrowsOnTheCard).toBeGreaterThan(0)
		// Before, every card in a stage (the stage's clip was its whole geometry, heading included),
		// then every arrow (its bindings and its label's zoom came from the store's whole history)
		// and every stage (its heading's zoom) were woken by any edit.
		expect(wakes.placed).toBeGreaterThan(0)
		expect(wakes.placed).toBeLessThanOrEqual(wakes.arrowsOnTheCard + 2)
		expect(wakes.arrowsDrawn).toBeLessThanOrEqual(wakes.arrowsOnTheCard)
		expect(wakes.zoomChecks).toBe(0)
	})

	it('still redraws the arrows of a card that moves, and an arrow moved to another card', async () => {
		const paths = () =>
			page.evaluate(() => {
				const editor = window.editor!
				const card = editor
					.getCurrentPageShapes()
					.find((s) => s.type === 'milestone' && editor.getBindingsToShape(s, 'arrow').length > 0)!
				return {
					card: card.id as string,
					arrows: editor.getBindingsToShape(card, 'arrow').map((b) => ({
						id: b.fromId as string,
						d: document.querySelector(`[data-shape-id="${b.fromId}"] path`)?.getAttribute('d'),
					})),
				}
			})
		const before = await paths()
		await page.evaluate((id) => {
			const editor = window.editor!
			const card = editor.getShape(id as TLShapeId)!
			const moved: TLShapePartial = {
				id: card.id,
				type: card.type,
				x: card.x + 160,
				y: card.y + 90,
			}
			editor.updateShape(moved)
		}, before.card)
		await page.waitForTimeout(300)
		const after = await paths()
		expect(after.card).toBe(before.card)
		for (const [i, arrow] of after.arrows.entries()) {
			expect(arrow.d).toBeTruthy()
			expect(arrow.d).not.toBe(before.arrows[i]!.d)
		}

		// Rebind one arrow's end to another card: the arrow follows, and the cards' lists agree.
		const moved = await page.evaluate((arrowId) => {
			const editor = window.editor!
			const end = editor
				.getBindingsFromShape(arrowId as never, 'arrow')
				.find((b) => (b.props as { terminal: string }).terminal === 'end')!
			const other = editor
				.getCurrentPageShapes()
				.find((s) => s.type === 'milestone' && s.id !== end.toId)!
			const d = () => document.querySelector(`[data-shape-id="${arrowId}"] path`)?.getAttribute('d')
			const dBefore = d()
			editor.updateBinding({ ...end, toId: other.id })
			return new Promise<{
				before: string | null | undefined
				after: string | null | undefined
				onOther: boolean
				onOld: boolean
			}>((resolve) =>
				requestAnimationFrame(() =>
					setTimeout(() =>
						resolve({
							before: dBefore,
							after: d(),
							onOther: editor.getBindingsToShape(other, 'arrow').some((b) => b.id === end.id),
							onOld: editor.getBindingsToShape(end.toId, 'arrow').some((b) => b.id === end.id),
						})
					)
				)
			)
		}, before.arrows[0]!.id)
		expect(moved.onOther).toBe(true)
		expect(moved.onOld).toBe(false)
		expect(moved.after).not.toBe(moved.before)
	})

	it('clips cards to each stage’s outline, at every zoom', async () => {
		for (const zoom of [1, 0.25, 2]) {
			await page.evaluate((z) => {
				window.editor!.setCamera({ x: 0, y: 0, z }, { immediate: true })
			}, zoom)
			const stages = await clipsAndOutlines(page)
			expect(stages.length).toBeGreaterThan(2)
			for (const { clip, outline } of stages) expect(clip).toBe(outline)
		}
	})
})
