import type { Editor, TLRenderingShape, TLShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { stableRenderingShapes } from '../../client/editor/stableRenderingShapes'

// The function only uses the editor as a key; the entries are built as tldraw builds them.
const editor = () => ({}) as Editor
const util = { type: 'milestone' } as unknown as TLRenderingShape['util']
const otherUtil = { type: 'enabler' } as unknown as TLRenderingShape['util']

function card(n: number, changes: Partial<TLShape> = {}): TLShape {
	return {
		id: `shape:card${n}`,
		typeName: 'shape',
		type: 'milestone',
		x: n * 100,
		y: 0,
		rotation: 0,
		index: `a${n}`,
		parentId: 'page:page',
		isLocked: false,
		opacity: 1,
		meta: {},
		props: { title: `Card ${n}` },
		...changes,
	} as unknown as TLShape
}

/** What tldraw's getRenderingShapes gives: a new entry per shape on every call. */
function list(shapes: TLShape[], entry: Partial<TLRenderingShape> = {}): TLRenderingShape[] {
	return shapes.map((shape, i) => ({
		id: shape.id,
		shape,
		util,
		index: 8000 + i,
		backgroundIndex: 4000 + i,
		opacity: 1,
		...entry,
	}))
}

const cards = [card(1), card(2), card(3)]
const moved = (shape: TLShape, dx: number, dy: number) =>
	({ ...shape, x: shape.x + dx, y: shape.y + dy }) as TLShape

describe('the canvas list stays the same array while only shapes’ places change', () => {
	it('gives the first list as it is, and the same array for the same source', () => {
		const e = editor()
		const first = list(cards)
		expect(stableRenderingShapes(e, first)).toBe(first)
		expect(stableRenderingShapes(e, first)).toBe(first)
	})

	it('keeps the list drawn when shapes have only moved, however often', () => {
		const e = editor()
		const first = list(cards)
		stableRenderingShapes(e, first)
		let shapes = cards
		for (let step = 1; step <= 5; step++) {
			shapes = shapes.map((s, i) => (i === 1 ? moved(s, 12, -7) : s))
			expect(stableRenderingShapes(e, list(shapes))).toBe(first)
		}
	})

	it('gives the new list for any other change to a shape', () => {
		const changes: Array<Partial<TLShape>> = [
			{ props: { title: 'Retitled' } } as unknown as Partial<TLShape>,
			{ meta: { note: 1 } },
			{ rotation: 0.5 },
			{ parentId: 'shape:stage' as TLShape['parentId'] },
			{ index: 'a9' as TLShape['index'] },
			{ isLocked: true },
			{ opacity: 0.5 },
			{ type: 'enabler' } as Partial<TLShape>,
		]
		for (const change of changes) {
			const e = editor()
			stableRenderingShapes(e, list(cards))
			const next = list([cards[0]!, { ...moved(cards[1]!, 5, 5), ...change } as TLShape, cards[2]!])
			expect(stableRenderingShapes(e, next), JSON.stringify(change)).toBe(next)
		}
		// A key added to the record.
		const e = editor()
		stableRenderingShapes(e, list(cards))
		const extra = list([cards[0]!, { ...cards[1]!, extra: 1 } as unknown as TLShape, cards[2]!])
		expect(stableRenderingShapes(e, extra)).toBe(extra)
	})

	it('gives the new list when shapes are added, removed, reordered or drawn differently', () => {
		const cases: Array<[string, TLRenderingShape[]]> = [
			['added', list([...cards, card(4)])],
			['removed', list(cards.slice(0, 2))],
			['reordered', list([cards[1]!, cards[0]!, cards[2]!])],
			['z-index', list(cards, { index: 9000 })],
			['background index', list(cards, { backgroundIndex: 1 })],
			['opacity (erasing)', list(cards, { opacity: 0.32 })],
			['util', list(cards, { util: otherUtil })],
		]
		for (const [name, next] of cases) {
			const e = editor()
			stableRenderingShapes(e, list(cards))
			expect(stableRenderingShapes(e, next), name).toBe(next)
		}
	})

	it('after a real change, keeps the new list through the moves that follow', () => {
		const e = editor()
		stableRenderingShapes(e, list(cards))
		const retitled = [
			cards[0]!,
			card(2, { props: { title: 'New' } } as Partial<TLShape>),
			cards[2]!,
		]
		const second = list(retitled)
		expect(stableRenderingShapes(e, second)).toBe(second)
		expect(stableRenderingShapes(e, list(retitled.map((s) => moved(s, 1, 1))))).toBe(second)
	})

	it('keeps each editor’s list apart', () => {
		const a = editor()
		const b = editor()
		const first = list(cards)
		const other = list(cards)
		stableRenderingShapes(a, first)
		stableRenderingShapes(b, other)
		expect(stableRenderingShapes(a, list(cards.map((s) => moved(s, 3, 3))))).toBe(first)
		expect(stableRenderingShapes(b, list(cards.map((s) => moved(s, 3, 3))))).toBe(other)
	})
})
