import Database from 'better-sqlite3'
import { join } from 'node:path'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { connect, newRoomId, putRecord, startRelay, synced, tempDir, until } from './startRelay'

/** Reads the room from the database file as another process would (the relay keeps running). */
function readFromDisk(dataDir: string, roomId: string): Y.Doc {
	const db = new Database(join(dataDir, 'relay.sqlite'), { readonly: true })
	const row = db.prepare('SELECT snapshot, snapshot_seq FROM rooms WHERE id = ?').get(roomId) as
		{ snapshot: Buffer | null; snapshot_seq: number } | undefined
	const updates = db
		.prepare('SELECT data FROM updates WHERE room_id = ? AND seq > ? ORDER BY seq')
		.all(roomId, row?.snapshot_seq ?? 0) as { data: Buffer }[]
	db.close()
	const doc = new Y.Doc()
	if (row?.snapshot) Y.applyUpdate(doc, row.snapshot)
	for (const u of updates) Y.applyUpdate(doc, u.data)
	return doc
}

test('an accepted update reaches the database file while the relay keeps running', async () => {
	const dataDir = tempDir()
	const relay = await startRelay({ dataDir, flushIntervalMs: 100 })
	const room = newRoomId()
	const writer = connect(relay, room)
	await synced(writer)
	putRecord(writer.doc, { id: 'shape:durable', x: 1 })
	await until(() => relay.metrics.updates === 1, 'the relay accepted the update')
	const acceptedAt = Date.now()
	await until(
		() => readFromDisk(dataDir, room).getMap('records').has('shape:durable'),
		'the update is on disk'
	)
	// The window is 100 ms; allow for a slow machine but not for "only at shutdown".
	expect(Date.now() - acceptedAt).toBeLessThan(2000)
	expect(relay.metrics.persistedUpdates).toBe(1)
})
