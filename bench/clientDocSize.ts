import { createTLStore, defaultBindingUtils, type TLRecord } from 'tldraw'
import * as Y from 'yjs'
import { mapShapeUtils } from '../client/shapes/customShapeUtils'
import { recordToYMap, type PlainRecord } from '../client/sync/yRecords'
import { YStoreBinding } from '../client/sync/YStoreBinding'
import { clientMapRecords } from './clientMapRecords'

// The store flushes its listeners on the next animation frame; Node has none.
globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) =>
	setTimeout(() => callback(performance.now()), 16) as unknown as number
globalThis.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle)

/** (c) 100,000 field edits through the real binding, one Y transaction each. */
export function benchDocSize(shapes: number, fieldEdits: number) {
	const store = createTLStore({
		shapeUtils: mapShapeUtils,
		bindingUtils: defaultBindingUtils,
	})
	const doc = new Y.Doc()
	const binding = new YStoreBinding(store, doc, { canWrite: true })
	store.put([
		{ id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} } as TLRecord,
		{ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} } as TLRecord,
	])
	binding.start()
	const records = clientMapRecords(shapes)
	store.put(records)
	binding.flushLocalChanges()
	const started = performance.now()
	for (let i = 0; i < fieldEdits; i++) {
		const id = records[(i * 7919) % records.length]!.id
		const shape = store.get(id)! as unknown as {
			x: number
			y: number
			type: string
			props: Record<string, unknown>
		}
		const kind = i % 10
		const next =
			kind < 5
				? { ...shape, x: shape.x + 1, y: shape.y - 1 }
				: kind < 8
					? {
							...shape,
							props: {
								...shape.props,
								...('title' in shape.props
									? { title: `Edit ${i}` }
									: { contribution: `Edit ${i}` }),
							},
						}
					: { ...shape, props: { ...shape.props, owner: `Owner ${i % 23}` } }
		store.put([next as unknown as TLRecord])
		binding.flushLocalChanges()
	}
	const editSeconds = (performance.now() - started) / 1000
	const edited = Y.encodeStateAsUpdate(doc).byteLength
	const fresh = new Y.Doc()
	fresh.transact(() => {
		fresh.getMap('meta').set('schema', doc.getMap('meta').get('schema'))
		for (const record of store.allRecords()) {
			if (['document', 'page', 'shape'].includes(record.typeName)) {
				fresh.getMap('records').set(record.id, recordToYMap(record as unknown as PlainRecord))
			}
		}
	})
	const freshBytes = Y.encodeStateAsUpdate(fresh).byteLength
	const canonical = (value: unknown): string =>
		JSON.stringify(value, (_key, v: unknown) =>
			v && typeof v === 'object' && !Array.isArray(v)
				? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
				: v
		)
	const same =
		canonical(fresh.getMap('records').toJSON()) === canonical(doc.getMap('records').toJSON())
	return { edited, fresh: freshBytes, editSeconds, same }
}
