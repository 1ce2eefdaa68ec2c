import {
	computed,
	createTLStore,
	defaultBindingUtils,
	transaction,
	type TLRecord,
	type TLShape,
	type TLStore,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { outlineMapRecords } from '../../bench/outlineMapRecords'
import { ShapeLayout } from '../../client/editor/ShapeLayout'
import { mapShapeUtils } from '../../client/shapes/customShapeUtils'

function trackedMap(): { store: TLStore; layout: ShapeLayout } {
	const store = createTLStore({ shapeUtils: mapShapeUtils, bindingUtils: defaultBindingUtils })
	const layout = ShapeLayout.track(store)
	store.put(outlineMapRecords(60))
	return { store, layout }
}

const shapesOf = (store: TLStore) =>
	store.allRecords().filter((r): r is TLShape => r.typeName === 'shape')
const milestone = (store: TLStore) => shapesOf(store).find((s) => s.type === 'milestone')!

describe('ShapeLayout changes with the map’s make-up, not with where cards are', () => {
	it('stays the same while shapes only move, locally or from a peer', () => {
		const { store, layout } = trackedMap()
		const before = layout.get()
		const cards = shapesOf(store).filter((s) => s.type !== 'frame' && s.type !== 'arrow')
		store.put(cards.map((s) => ({ ...s, x: s.x + 10, y: s.y - 5 })))
		store.mergeRemoteChanges(() => store.put(cards.map((s) => ({ ...s, x: s.x + 20 }))))
		expect(layout.get()).toBe(before)
	})

	it('changes for every other change to a shape, once per write', () => {
		const { store, layout } = trackedMap()
		const card = milestone(store)
		const changes: Array<Partial<TLShape>> = [
			{ props: { ...card.props, title: 'Retitled' } } as Partial<TLShape>,
			{ meta: { note: 'x' } },
			{ rotation: 0.3 },
			{ parentId: 'page:page' as TLShape['parentId'] },
			{ index: 'a0V' as TLShape['index'] },
			{ isLocked: true },
			{ opacity: 0.5 },
		]
		let version = layout.get()
		for (const change of changes) {
			store.put([{ ...store.get(card.id)!, ...change, x: card.x + 1 } as TLRecord])
			expect(layout.get(), JSON.stringify(change)).toBe(version + 1)
			version = layout.get()
		}
		store.mergeRemoteChanges(() =>
			store.put([
				{ ...store.get(card.id)!, props: { ...card.props, title: 'From a peer' } } as TLRecord,
			])
		)
		expect(layout.get()).toBe(version + 1)
	})

	it('changes when shapes are added or removed, not for bindings or other records', () => {
		const { store, layout } = trackedMap()
		let version = layout.get()
		const card = milestone(store)
		store.remove([card.id])
		expect(layout.get()).toBe(++version)
		store.put([card])
		expect(layout.get()).toBe(++version)
		const binding = store.allRecords().find((r) => r.typeName === 'binding')!
		store.put([{ ...binding, meta: { moved: true } } as TLRecord])
		store.remove([binding.id])
		store.put([
			{
				id: 'page:other',
				typeName: 'page',
				name: 'Another page',
				index: 'a2',
				meta: {},
			} as TLRecord,
		])
		expect(layout.get()).toBe(version)
	})

	it('is rolled back with a rolled-back transaction', () => {
		const { store, layout } = trackedMap()
		const before = layout.get()
		const card = milestone(store)
		transaction((rollback) => {
			store.put([{ ...card, props: { ...card.props, title: 'Never kept' } } as TLRecord])
			expect(layout.get()).toBe(before + 1)
			rollback()
		})
		expect(layout.get()).toBe(before)
		expect((store.get(card.id) as TLShape).props).toEqual(card.props)
	})

	it('wakes what reads it only for a change to the make-up', () => {
		const { store, layout } = trackedMap()
		let runs = 0
		const reader = computed('reads the layout', () => {
			runs++
			return layout.get()
		})
		reader.get()
		const card = milestone(store)
		for (let i = 1; i <= 5; i++) {
			store.put([{ ...store.get(card.id)!, x: card.x + i * 10 } as TLRecord])
			reader.get()
		}
		expect(runs).toBe(1)
		store.put([{ ...store.get(card.id)!, isLocked: true } as TLRecord])
		reader.get()
		expect(runs).toBe(2)
	})

	it('follows a store once however often it is tracked', () => {
		const { store, layout } = trackedMap()
		expect(ShapeLayout.track(store)).toBe(layout)
		expect(ShapeLayout.of(store)).toBe(layout)
		const before = layout.get()
		store.put([{ ...milestone(store), opacity: 0.7 } as TLRecord])
		expect(layout.get()).toBe(before + 1)
		expect(ShapeLayout.of(createTLStore({ shapeUtils: mapShapeUtils }))).toBeUndefined()
	})
})
