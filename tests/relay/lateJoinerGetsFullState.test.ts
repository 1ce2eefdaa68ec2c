import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, until } from './startRelay'

test('a client joining later receives the whole map before it reports synced', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const first = connect(relay, room)
	await synced(first)
	for (let i = 0; i < 200; i++)
		putRecord(first.doc, { id: `shape:${i}`, x: i, props: { title: `M${i}` } })
	for (let i = 0; i < 200; i++)
		(first.doc.getMap('records').get(`shape:${i}`) as import('yjs').Map<unknown>).set('y', i * 2)
	await relay.flush()
	const late = connect(relay, room)
	await synced(late)
	// y-websocket reports synced on the relay's sync step 2: everything must be there by then.
	expect(late.doc.getMap('records').size).toBe(200)
	expect(late.doc.getMap('records').toJSON()).toEqual(first.doc.getMap('records').toJSON())
	putRecord(late.doc, { id: 'shape:late', x: -1 })
	await until(
		() => first.doc.getMap('records').has('shape:late'),
		'the first client sees the late joiner’s shape'
	)
})
