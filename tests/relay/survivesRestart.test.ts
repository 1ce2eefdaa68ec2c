import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, tempDir } from './startRelay'

test('a map is still there after the relay restarts', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = await startRelay({ dataDir })
	const writer = connect(first, room)
	await synced(writer)
	for (let i = 0; i < 50; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	;(writer.doc.getMap('records').get('shape:7') as import('yjs').Map<unknown>).set('x', 700)
	const expected = writer.doc.getMap('records').toJSON()
	// Give the updates time to reach the relay, then stop it the way SIGTERM does.
	await new Promise((r) => setTimeout(r, 200))
	writer.provider.destroy()
	await first.close()

	const second = await startRelay({ dataDir })
	const reader = connect(second, room)
	await synced(reader)
	expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
})

test('compaction into a snapshot keeps every change', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = await startRelay({ dataDir, compactAfterUpdates: 10 })
	const writer = connect(first, room)
	await synced(writer)
	for (let i = 0; i < 95; i++) putRecord(writer.doc, { id: `shape:${i % 20}`, x: i })
	const expected = writer.doc.getMap('records').toJSON()
	await new Promise((r) => setTimeout(r, 300))
	expect(first.metrics.compactions).toBeGreaterThan(0)
	writer.provider.destroy()
	await first.close()
	const second = await startRelay({ dataDir })
	const reader = connect(second, room)
	await synced(reader)
	expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
})
