import { createTLStore, defaultBindingUtils, type TLRecord, type TLStore } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mapShapeUtils } from '../../client/shapes/customShapeUtils'
import { LOCAL_ORIGIN } from '../../client/sync/origins'
import { YStoreBinding } from '../../client/sync/YStoreBinding'
import { defaultPropsOf } from '../../shared/schema/typedShapes'

function peer() {
	const store = createTLStore({
		shapeUtils: mapShapeUtils,
		bindingUtils: defaultBindingUtils,
	})
	const doc = new Y.Doc()
	const binding = new YStoreBinding(store, doc, { canWrite: true })
	return { store, doc, binding }
}

/** Sends every update of `a` to `b` and back, as the relay would. */
function connect(a: Y.Doc, b: Y.Doc) {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'network')
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'network')
	a.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'network' && Y.applyUpdate(b, u, 'network')
	)
	b.on(
		'update',
		(u: Uint8Array, origin: unknown) => origin !== 'network' && Y.applyUpdate(a, u, 'network')
	)
}

function seedPage(store: TLStore) {
	store.put([
		{ id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as TLRecord,
		{ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } as TLRecord,
	])
}

const milestone = {
	id: 'shape:m1',
	typeName: 'shape',
	type: 'milestone',
	x: 10,
	y: 20,
	rotation: 0,
	index: 'a1',
	parentId: 'page:page',
	isLocked: false,
	opacity: 1,
	meta: {},
	props: defaultPropsOf('milestone'),
} as unknown as TLRecord

const settle = () => new Promise((r) => setTimeout(r, 50))

describe('the Y.Doc binding', () => {
	it('keeps a move and a concurrent retitle of the same shape', async () => {
		const origin = peer()
		seedPage(origin.store)
		origin.binding.start()
		origin.store.put([milestone])
		origin.binding.flushLocalChanges()

		// Two people with the same map, apart (offline): each edits another field of the same shape.
		const aUpdates: Uint8Array[] = []
		const bUpdates: Uint8Array[] = []
		const a2 = peer()
		const b2 = peer()
		Y.applyUpdate(a2.doc, Y.encodeStateAsUpdate(origin.doc))
		Y.applyUpdate(b2.doc, Y.encodeStateAsUpdate(origin.doc))
		a2.binding.start()
		b2.binding.start()
		a2.doc.on('update', (u: Uint8Array) => aUpdates.push(u))
		b2.doc.on('update', (u: Uint8Array) => bUpdates.push(u))
		const m = a2.store.get('shape:m1' as never)! as TLRecord
		a2.store.put([{ ...m, x: 500, y: 600 } as TLRecord])
		const n = b2.store.get('shape:m1' as never)! as unknown as { props: object }
		b2.store.put([
			{ ...n, props: { ...n.props, title: 'Families get paid on time' } } as unknown as TLRecord,
		])
		a2.binding.flushLocalChanges()
		b2.binding.flushLocalChanges()
		for (const u of bUpdates) Y.applyUpdate(a2.doc, u)
		for (const u of aUpdates) Y.applyUpdate(b2.doc, u)
		await settle()

		for (const side of [a2, b2]) {
			const merged = side.store.get('shape:m1' as never) as unknown as {
				x: number
				y: number
				props: { title: string }
			}
			expect(merged.x).toBe(500)
			expect(merged.y).toBe(600)
			expect(merged.props.title).toBe('Families get paid on time')
		}
	})

	it('does not echo a remote change back into the document', async () => {
		const a = peer()
		const b = peer()
		seedPage(a.store)
		a.binding.start()
		b.binding.start()
		connect(a.doc, b.doc)
		a.store.put([milestone])
		a.binding.flushLocalChanges()
		await settle()
		let bWrites = 0
		b.doc.on('afterTransaction', (txn: Y.Transaction) => {
			if (txn.origin === LOCAL_ORIGIN) bWrites++
		})
		const m = a.store.get('shape:m1' as never)! as TLRecord
		a.store.put([{ ...m, x: 99 } as TLRecord])
		a.binding.flushLocalChanges()
		await settle()
		b.binding.flushLocalChanges()
		expect((b.store.get('shape:m1' as never) as unknown as { x: number }).x).toBe(99)
		expect(bWrites).toBe(0)
	})

	it('skips a record a peer wrote with invalid props and keeps it in the document', async () => {
		const a = peer()
		seedPage(a.store)
		a.binding.start()
		const bad = new Y.Map<unknown>()
		const props = new Y.Map<unknown>()
		for (const [k, v] of Object.entries({ ...defaultPropsOf('milestone'), due: 'next tuesday' }))
			props.set(k, v)
		for (const [k, v] of Object.entries(milestone))
			if (k !== 'props') bad.set(k, k === 'meta' ? new Y.Map() : v)
		bad.set('props', props)
		bad.set('id', 'shape:bad')
		a.doc.transact(() => a.binding.records.set('shape:bad', bad), 'network')
		await settle()
		expect(a.store.get('shape:bad' as never)).toBeUndefined()
		expect(a.binding.unreadableRecords.get('shape:bad')).toMatch(/date/)
		expect(a.binding.records.has('shape:bad')).toBe(true)
	})

	it('stops writing when the document was written with a newer schema', async () => {
		const a = peer()
		seedPage(a.store)
		a.binding.start()
		const newer = structuredClone(a.store.schema.serialize()) as {
			sequences: Record<string, number>
		}
		newer.sequences['com.tldraw.shape.milestone'] = 99
		a.doc.transact(() => a.binding.meta.set('schema', newer), 'network')
		expect(a.binding.schemaRelation.get()).toBe('doc-newer')
		expect(a.binding.canWrite()).toBe(false)
		const before = Y.encodeStateVector(a.doc)
		a.store.put([milestone])
		a.binding.flushLocalChanges()
		expect(Y.encodeStateVector(a.doc)).toEqual(before)
	})
})
