import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, until } from './startRelay'

test('an idle room is unloaded after a flush and reloads intact', async () => {
	const relay = await startRelay({ roomIdleMs: 100 })
	const room = newRoomId()
	const writer = connect(relay, room)
	await synced(writer)
	for (let i = 0; i < 30; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	const expected = writer.doc.getMap('records').toJSON()
	await until(() => relay.metrics.updates >= 30, 'the relay has every update')
	writer.provider.destroy()
	await until(() => relay.metrics.roomsLoaded === 0, 'the room is unloaded')
	expect(relay.metrics.compactions).toBeGreaterThan(0)

	const reader = connect(relay, room)
	await synced(reader)
	expect(relay.metrics.roomsLoaded).toBe(1)
	expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
})
