import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, tempDir, until } from './startRelay'

// The relay encodes a room's whole state once and hands that to every joiner until the next
// change (and reuses it for snapshots): a joiner must never get an encoding from before a change.
test('each joiner gets the map as it is when it joins, also between changes and after snapshots', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const relay = await startRelay({ dataDir, compactAfterUpdates: 3 })
	const writer = connect(relay, room)
	const watcher = connect(relay, room)
	await Promise.all([synced(writer), synced(watcher)])
	const records = () => writer.doc.getMap('records').toJSON()
	/** Waits until the relay holds everything the writer did (the watcher has it from the relay). */
	const relayHasIt = () =>
		until(
			() => JSON.stringify(watcher.doc.getMap('records').toJSON()) === JSON.stringify(records()),
			'the relay holds the writer’s changes'
		)
	const joinerSeesTheMap = async () => {
		const joiner = connect(relay, room)
		await synced(joiner)
		expect(joiner.doc.getMap('records').toJSON()).toEqual(records())
		joiner.provider.destroy()
	}

	putRecord(writer.doc, { id: 'shape:a', x: 1 })
	await relayHasIt()
	await joinerSeesTheMap()
	await joinerSeesTheMap()

	;(writer.doc.getMap('records').get('shape:a') as Y.Map<unknown>).set('x', 2)
	putRecord(writer.doc, { id: 'shape:b', x: 3 })
	await relayHasIt()
	await joinerSeesTheMap()

	// Enough updates for snapshots (every 3), then a joiner, then one change more.
	for (let i = 0; i < 7; i++) putRecord(writer.doc, { id: `shape:c${i}`, x: i })
	await relayHasIt()
	await until(() => relay.metrics.compactions > 0, 'a snapshot was taken')
	await joinerSeesTheMap()
	writer.doc.getMap('records').delete('shape:b')
	await relayHasIt()
	await joinerSeesTheMap()

	const expected = records()
	writer.provider.destroy()
	watcher.provider.destroy()
	await relay.close()
	const again = await startRelay({ dataDir })
	const reader = connect(again, room)
	await synced(reader)
	expect(reader.doc.getMap('records').toJSON()).toEqual(expected)
})
