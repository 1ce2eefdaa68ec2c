import type { Page } from 'playwright-core'
import type { TLShapeId } from 'tldraw'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceAndBobInOneRoom } from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

/**
 * client/editor/renderingShapesByLayout.ts: while cards only move, the canvas keeps its list of
 * shapes (tldraw's would be new after every change, and the canvas would walk all of them), and
 * the moved cards still go where they are on screen, in the mover's page and in a peer's.
 */

/** Runs `check` until it passes (15 s at most), and fails with its last failure. */
async function eventually(check: () => Promise<void>): Promise<void> {
	const start = Date.now()
	for (;;) {
		try {
			await check()
			return
		} catch (error) {
			if (Date.now() - start > 15_000) throw error
			await new Promise((r) => setTimeout(r, 100))
		}
	}
}

/** Keeps the page's current canvas list, to compare later with `sameList`. */
function keepList(page: Page): Promise<void> {
	return page.evaluate(() => {
		;(window as unknown as { keptList: unknown }).keptList = window.editor!.getRenderingShapes()
	})
}

function sameList(page: Page): Promise<boolean> {
	return page.evaluate(
		() =>
			(window as unknown as { keptList: unknown }).keptList === window.editor!.getRenderingShapes()
	)
}

/** Where a card is drawn on screen (its element's box) and where the editor says it is. */
function placeOf(page: Page, id: string) {
	return page.evaluate((shapeId) => {
		const editor = window.editor!
		const box = document.querySelector(`.tl-shape[data-shape-id="${shapeId}"]`)!
		const rect = box.getBoundingClientRect()
		const bounds = editor.getShapePageBounds(shapeId as TLShapeId)!
		const screen = editor.pageToViewport({ x: bounds.x, y: bounds.y })
		return {
			drawn: { x: rect.left, y: rect.top },
			expected: {
				x: screen.x + editor.getViewportScreenBounds().x,
				y: screen.y + editor.getViewportScreenBounds().y,
			},
			text: box.textContent ?? '',
		}
	}, id)
}

async function expectDrawnWhereItIs(page: Page, id: string) {
	await eventually(async () => {
		const place = await placeOf(page, id)
		expect(Math.abs(place.drawn.x - place.expected.x)).toBeLessThan(1.5)
		expect(Math.abs(place.drawn.y - place.expected.y)).toBeLessThan(1.5)
	})
}

/** A milestone and another card in its stage (moving them keeps them there). */
function twoCards(page: Page): Promise<[string, string]> {
	return page.evaluate(() => {
		const editor = window.editor!
		const inStages = editor
			.getCurrentPageShapes()
			.filter((s) => s.type !== 'arrow' && editor.getShape(s.parentId)?.type === 'frame')
		const first = inStages.find(
			(s) =>
				s.type === 'milestone' && inStages.some((t) => t.id !== s.id && t.parentId === s.parentId)
		)!
		const second = inStages.find((s) => s.id !== first.id && s.parentId === first.parentId)!
		return [first.id, second.id] as [string, string]
	})
}

function move(page: Page, ids: string[], dx: number, dy: number): Promise<void> {
	return page.evaluate(
		([shapeIds, x, y]) => {
			const editor = window.editor!
			editor.updateShapes(
				(shapeIds as TLShapeId[]).map((id) => {
					const shape = editor.getShape(id)!
					return { id, type: shape.type, x: shape.x + (x as number), y: shape.y + (y as number) }
				})
			)
		},
		[ids, dx, dy] as const
	)
}

async function xOf(page: Page, id: string): Promise<number> {
	return page.evaluate((shapeId) => window.editor!.getShape(shapeId as TLShapeId)!.x, id)
}

describe('moving cards keeps the canvas list, and the cards go where they are', () => {
	let alice: Page
	let bob: Page
	let cards: [string, string]

	beforeAll(async () => {
		const room = await aliceAndBobInOneRoom()
		alice = room.alice.page
		bob = room.bob.page
		await drawSampleMap(alice)
		await eventually(async () =>
			expect(
				await bob.evaluate(() => window.editor!.getCurrentPageShapes().length)
			).toBeGreaterThan(20)
		)
		cards = await twoCards(alice)
		// Every card on screen (a culled card is not drawn at all).
		for (const page of [alice, bob]) {
			await page.evaluate(() => {
				window.editor!.zoomToFit({ animation: { duration: 0 } })
			})
		}
	})

	it('moves the cards on screen in the mover’s page and the peer’s, with the same list', async () => {
		await keepList(alice)
		await keepList(bob)
		for (let step = 1; step <= 4; step++) {
			const x = (await xOf(alice, cards[0])) + 40
			await move(alice, cards, 40, 25)
			await eventually(async () => expect(await xOf(bob, cards[0])).toBe(x))
			for (const page of [alice, bob]) {
				for (const id of cards) await expectDrawnWhereItIs(page, id)
				expect(await sameList(page)).toBe(true)
			}
		}
		// A peer's move, the other way round.
		await move(bob, [cards[1]], -60, 30)
		const x = await xOf(bob, cards[1])
		await eventually(async () => expect(await xOf(alice, cards[1])).toBe(x))
		await expectDrawnWhereItIs(alice, cards[1])
		expect(await sameList(alice)).toBe(true)
	})

	it('gives a new list and redraws the card when it changes otherwise', async () => {
		await keepList(bob)
		await alice.evaluate((id) => {
			window.editor!.updateShape({
				id: id as TLShapeId,
				type: 'milestone',
				props: { title: 'Moved and retitled' },
			})
		}, cards[0])
		await eventually(async () =>
			expect((await placeOf(bob, cards[0])).text).toContain('Moved and retitled')
		)
		expect(await sameList(bob)).toBe(false)
		await expectDrawnWhereItIs(bob, cards[0])

		// Into another stage: a new parent, and the card is drawn where the editor puts it.
		await keepList(bob)
		await alice.evaluate((id) => {
			const editor = window.editor!
			const card = editor.getShape(id as TLShapeId)!
			const other = editor
				.getCurrentPageShapes()
				.find((s) => s.type === 'frame' && s.id !== card.parentId)!
			editor.reparentShapes([card.id], other.id)
		}, cards[0])
		await eventually(async () =>
			expect(
				await bob.evaluate(
					([a, b]) =>
						window.editor!.getShape(a as TLShapeId)!.parentId !==
						window.editor!.getShape(b as TLShapeId)!.parentId,
					cards
				)
			).toBe(true)
		)
		expect(await sameList(bob)).toBe(false)
		await expectDrawnWhereItIs(bob, cards[0])
	})

	it('draws a card added and removes a card deleted', async () => {
		await keepList(bob)
		await alice.evaluate((id) => {
			window.editor!.deleteShapes([id as TLShapeId])
		}, cards[1])
		await eventually(async () =>
			expect(
				await bob.evaluate(
					(id) => document.querySelector(`.tl-shape[data-shape-id="${id}"]`) === null,
					cards[1]
				)
			).toBe(true)
		)
		expect(await sameList(bob)).toBe(false)
		await alice.evaluate(() => {
			window.editor!.createShape({
				id: 'shape:added-card' as TLShapeId,
				type: 'milestone',
				x: 50,
				y: 60,
				props: { title: 'Added card' },
			})
		})
		await eventually(async () =>
			expect((await placeOf(bob, 'shape:added-card')).text).toContain('Added card')
		)
		await expectDrawnWhereItIs(bob, 'shape:added-card')
	})

	it('follows a change of page, and cards being erased', async () => {
		const drawnCards = () =>
			alice.evaluate(
				() => document.querySelectorAll('.tl-shape[data-shape-type="milestone"]').length
			)
		expect(await drawnCards()).toBeGreaterThan(3)
		await alice.evaluate(() => {
			const editor = window.editor!
			editor.createPage({ id: 'page:second' as never, name: 'Second' })
			editor.setCurrentPage('page:second' as never)
			editor.createShape({
				id: 'shape:on-second' as TLShapeId,
				type: 'milestone',
				x: 0,
				y: 0,
				props: { title: 'On the second page' },
			})
		})
		await eventually(async () => expect(await drawnCards()).toBe(1))
		expect((await placeOf(alice, 'shape:on-second')).text).toContain('On the second page')
		await alice.evaluate(() => {
			window.editor!.setCurrentPage('page:page' as never)
		})
		await eventually(async () => expect(await drawnCards()).toBeGreaterThan(3))

		const opacity = () =>
			alice.evaluate(
				(id) =>
					(document.querySelector(`.tl-shape[data-shape-id="${id}"]`) as HTMLElement).style.opacity,
				cards[0]
			)
		await alice.evaluate((id) => {
			window.editor!.setErasingShapes([id as TLShapeId])
		}, cards[0])
		await eventually(async () => expect(Number(await opacity())).toBeLessThan(0.5))
		await alice.evaluate(() => {
			window.editor!.setErasingShapes([])
		})
		await eventually(async () => expect(Number(await opacity())).toBe(1))
	})
})
