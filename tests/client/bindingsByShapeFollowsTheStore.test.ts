import {
	computed,
	createTLStore,
	defaultBindingUtils,
	transaction,
	type TLBinding,
	type TLRecord,
	type TLStore,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { outlineMapRecords } from '../../bench/outlineMapRecords'
import { BindingsByShape } from '../../client/editor/BindingsByShape'
import { mapShapeUtils } from '../../client/shapes/customShapeUtils'

function trackedStore(): { store: TLStore; index: BindingsByShape } {
	const store = createTLStore({ shapeUtils: mapShapeUtils, bindingUtils: defaultBindingUtils })
	return { store, index: BindingsByShape.track(store) }
}

/** The store's own batching (tldraw marks it internal): one operation, side effects on or off. */
function atomic(store: TLStore, fn: () => void, sideEffects = true): void {
	;(store as unknown as { atomic: (fn: () => void, callbacks: boolean) => void }).atomic(
		fn,
		sideEffects
	)
}

function bindingsOf(store: TLStore): TLBinding[] {
	return store.allRecords().filter((r): r is TLBinding => r.typeName === 'binding')
}

/** Every shape's bindings in the index equal those in the store (the same record objects). */
function expectInStep(store: TLStore, index: BindingsByShape, why: string) {
	const ids = new Set<string>()
	for (const r of store.allRecords()) if (r.typeName === 'shape') ids.add(r.id)
	for (const b of bindingsOf(store)) ids.add(b.fromId).add(b.toId)
	for (const id of ids) {
		const truth = bindingsOf(store).filter((b) => b.fromId === id || b.toId === id)
		const byId = (a: TLBinding, b: TLBinding) => (a.id < b.id ? -1 : 1)
		const got = [...index.get(id)].sort(byId)
		expect(got.length, `${why}: ${id}`).toBe(truth.length)
		truth.sort(byId).forEach((b, i) => expect(got[i], `${why}: ${id}`).toBe(b))
	}
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
	return () => {
		seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0
		return ((seed ^ (seed >>> 13)) >>> 0) / 2 ** 32
	}
}

describe('BindingsByShape: each shape’s bindings, in step with the store', () => {
	it('indexes the bindings already in the store and those put later', () => {
		const before = createTLStore({ shapeUtils: mapShapeUtils, bindingUtils: defaultBindingUtils })
		before.put(outlineMapRecords(60))
		const index = BindingsByShape.track(before)
		expect(bindingsOf(before).length).toBeGreaterThan(10)
		expectInStep(before, index, 'tracked after loading')

		const { store, index: later } = trackedStore()
		store.put(outlineMapRecords(60))
		expectInStep(store, later, 'loaded after tracking')
	})

	it('follows every kind of change, including rolled-back, remote and silent ones', () => {
		const { store, index } = trackedStore()
		store.put(outlineMapRecords(90))
		const shapes = store
			.allRecords()
			.filter((r) => r.typeName === 'shape' && r.type !== 'arrow')
			.map((r) => r.id)
		const next = random(7)
		const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
		let made = 0
		const newBinding = (): TLBinding => ({
			...pick(bindingsOf(store)),
			id: `binding:made${made++}` as TLBinding['id'],
			toId: pick(shapes) as TLBinding['toId'],
		})
		const changes: Array<[string, () => void]> = [
			['create', () => store.put([newBinding()])],
			[
				'retarget',
				() => store.put([{ ...pick(bindingsOf(store)), toId: pick(shapes) } as TLRecord]),
			],
			[
				'change props',
				() => {
					const b = pick(bindingsOf(store))
					store.put([{ ...b, props: { ...b.props, isPrecise: !b.props.isPrecise } } as TLRecord])
				},
			],
			['remove', () => store.remove([pick(bindingsOf(store)).id])],
			[
				'remove a shape and its bindings',
				() => {
					const id = pick(shapes)
					const gone = bindingsOf(store).filter((b) => b.toId === id)
					store.remove([id as TLRecord['id'], ...gone.map((b) => b.id)])
					shapes.splice(shapes.indexOf(id), 1)
				},
			],
			[
				'rolled back',
				() =>
					transaction((rollback) => {
						store.put([newBinding()])
						store.remove([pick(bindingsOf(store)).id])
						store.put([{ ...pick(bindingsOf(store)), toId: pick(shapes) } as TLRecord])
						rollback()
					}),
			],
			[
				'thrown inside a store operation',
				() => {
					expect(() =>
						atomic(store, () => {
							store.put([newBinding()])
							store.remove([pick(bindingsOf(store)).id])
							throw new Error('stop')
						})
					).toThrow('stop')
				},
			],
			[
				'remote',
				() =>
					store.mergeRemoteChanges(() => {
						store.put([newBinding(), newBinding()])
						store.remove([pick(bindingsOf(store)).id])
					}),
			],
			[
				'side effects off',
				() =>
					atomic(
						store,
						() => {
							store.put([{ ...pick(bindingsOf(store)), toId: pick(shapes) } as TLRecord])
							store.put([newBinding()])
						},
						false
					),
			],
		]
		for (let step = 0; step < 300; step++) {
			const [name, change] = pick(changes)
			change()
			expectInStep(store, index, `step ${step} (${name})`)
		}
		store.clear()
		expectInStep(store, index, 'cleared')
		expect(index.get(shapes[0]!)).toEqual([])
	})

	it('wakes a reader of one shape’s bindings only when those bindings change', () => {
		const { store, index } = trackedStore()
		store.put(outlineMapRecords(60))
		const [first, second] = bindingsOf(store).filter((b) => b.props.terminal === 'end')
		let runs = 0
		const ofArrow = computed('bindings of one arrow', () => {
			runs++
			return index.get(first!.fromId)
		})
		ofArrow.get()
		expect(runs).toBe(1)
		// Another arrow's binding, and a card's title: the reader is not re-run.
		store.put([{ ...second!, props: { ...second!.props, isPrecise: true } } as TLRecord])
		const card = store.allRecords().find((r) => r.typeName === 'shape' && r.type === 'milestone')!
		store.put([{ ...card, x: (card as { x: number }).x + 10 } as TLRecord])
		ofArrow.get()
		expect(runs).toBe(1)
		// Its own binding: it is, and sees the new version.
		const changed = { ...first!, props: { ...first!.props, isPrecise: true } } as TLBinding
		store.put([changed])
		expect(ofArrow.get()).toContain(store.get(changed.id))
		expect(runs).toBe(2)
	})
})
