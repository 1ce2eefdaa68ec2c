import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceInANewMap } from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

interface Wakes {
	/** How many of tldraw's per-shape "place this shape" effects one edit scheduled. */
	placed: number
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
		const milestone = shapes.find((s) => s.type === 'milestone')!
		const scheduler = (globalThis as Record<symbol, { prototype: Record<string, unknown> }>)[
			Symbol.for('com.tldraw.state/EffectScheduler')
		]!
		const original = scheduler.prototype.maybeScheduleEffect as () => void
		let placed = 0
		scheduler.prototype.maybeScheduleEffect = function (this: { name: string }) {
			if (this.name === 'set shape stuff') placed++
			return original.call(this)
		}
		try {
			editor.updateShape({ id: milestone.id, type: 'milestone', props: { title: 'Retitled once' } })
		} finally {
			scheduler.prototype.maybeScheduleEffect = original
		}
		return {
			placed,
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

	it('places again only the edited card and the arrows, not every card in a stage', async () => {
		const wakes = await wakesOfOneEdit(page)
		// tldraw's own arrows and frames still depend on every edit (an arrow on every binding, a
		// frame's heading on the page's shape count). Before, every card in a stage was woken
		// too: the stage's clip was its whole geometry, heading included.
		expect(wakes.cardsInStages).toBeGreaterThan(10)
		expect(wakes.placed).toBeGreaterThan(0)
		expect(wakes.placed).toBeLessThanOrEqual(wakes.arrows + wakes.stages + 1)
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
