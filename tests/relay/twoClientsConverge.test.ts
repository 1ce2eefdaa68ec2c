import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, until } from './startRelay'

test('two stock clients in one room see each other’s edits', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	putRecord(a.doc, { id: 'shape:a', typeName: 'shape', x: 1, props: { w: 10 } })
	putRecord(b.doc, { id: 'shape:b', typeName: 'shape', x: 2, props: { w: 20 } })
	const records = (doc: typeof a.doc) => doc.getMap('records').toJSON()
	await until(
		() => Object.keys(records(a.doc)).length === 2 && Object.keys(records(b.doc)).length === 2,
		'both have both shapes'
	)
	expect(records(a.doc)).toEqual(records(b.doc))
	expect(records(b.doc)['shape:a']).toEqual({
		id: 'shape:a',
		typeName: 'shape',
		x: 1,
		props: { w: 10 },
	})
})

test('concurrent changes to different fields of one record both survive', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	putRecord(a.doc, { id: 'shape:s', x: 0, y: 0, props: { title: 'Old' } })
	await until(() => b.doc.getMap('records').has('shape:s'), 'b has the shape')
	const fieldsOf = (doc: typeof a.doc) =>
		doc.getMap('records').get('shape:s') as import('yjs').Map<unknown>
	fieldsOf(a.doc).set('x', 100)
	;(fieldsOf(b.doc).get('props') as import('yjs').Map<unknown>).set('title', 'New')
	await until(
		() =>
			JSON.stringify(a.doc.getMap('records').toJSON()) ===
				JSON.stringify(b.doc.getMap('records').toJSON()) &&
			fieldsOf(a.doc).get('x') === 100 &&
			(fieldsOf(a.doc).get('props') as import('yjs').Map<unknown>).get('title') === 'New',
		'both changes merged on both sides'
	)
	expect(b.doc.getMap('records').toJSON()['shape:s']).toEqual({
		id: 'shape:s',
		x: 100,
		y: 0,
		props: { title: 'New' },
	})
})
