import Database from 'better-sqlite3'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { closeCodes } from '../../shared/relayProtocol'
import type { LogEntry, RoomStore } from '../../sync-server/RoomStore'
import { SqliteRoomStore } from '../../sync-server/SqliteRoomStore'
import {
	closed,
	connect,
	expectRelayServes,
	newRoomId,
	putRecord,
	rawSocket,
	startRelay,
	synced,
	tempDir,
	until,
} from './startRelay'

test('an unreadable stored entry is skipped and the rest of the map loads', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = await startRelay({ dataDir })
	const writer = connect(first, room)
	await synced(writer)
	putRecord(writer.doc, { id: 'shape:before', x: 1 })
	putRecord(writer.doc, { id: 'shape:after', x: 2 })
	await until(() => first.metrics.updates === 2, 'the relay has both')
	writer.provider.destroy()
	await first.close()
	// Damage: an entry between the two that Yjs cannot read.
	const db = new Database(join(dataDir, 'relay.sqlite'))
	db.prepare('UPDATE updates SET seq = 3 WHERE room_id = ? AND seq = 2').run(room)
	db.prepare('INSERT INTO updates (room_id, seq, data) VALUES (?, 2, ?)').run(
		room,
		Buffer.from([0xff, 0xff, 0xff, 0x0f, 1])
	)
	db.close()

	const second = await startRelay({ dataDir })
	const reader = connect(second, room)
	await synced(reader)
	expect(Object.keys(reader.doc.getMap('records').toJSON()).sort()).toEqual([
		'shape:after',
		'shape:before',
	])
})

/** The SQLite store, with faults switched on by the test. */
class FaultyStore implements RoomStore {
	failAppends = 0
	failCompactions = false
	failLoadOf = ''
	constructor(private readonly inner: SqliteRoomStore) {}
	load(roomId: string) {
		if (roomId === this.failLoadOf) return Promise.reject(new Error('disk on fire'))
		return this.inner.load(roomId)
	}
	exists(roomId: string) {
		return this.inner.exists(roomId)
	}
	append(entries: readonly LogEntry[]) {
		if (this.failAppends > 0) {
			this.failAppends--
			return Promise.reject(new Error('disk full'))
		}
		return this.inner.append(entries)
	}
	compact(roomId: string, snapshot: Uint8Array, upToSeq: number) {
		if (this.failCompactions) return Promise.reject(new Error('disk full'))
		return this.inner.compact(roomId, snapshot, upToSeq)
	}
	viewIdOf(editId: string, create: boolean) {
		return this.inner.viewIdOf(editId, create)
	}
	editIdOfView(viewId: string) {
		return this.inner.editIdOfView(viewId)
	}
	close() {
		return this.inner.close()
	}
}

test('failed writes are retried until they succeed, and nothing is lost', async () => {
	const dataDir = tempDir()
	const store = new FaultyStore(new SqliteRoomStore(dataDir))
	store.failAppends = 3
	const relay = await startRelay({ store })
	const room = newRoomId()
	const writer = connect(relay, room)
	await synced(writer)
	for (let i = 0; i < 20; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	await until(() => relay.metrics.persistedUpdates === 20, 'every update is eventually written')
	expect(store.failAppends).toBe(0)
	writer.provider.destroy()
	await relay.close()
	const again = await startRelay({ dataDir })
	const reader = connect(again, room)
	await synced(reader)
	expect(reader.doc.getMap('records').size).toBe(20)
})

test('a room that cannot be loaded closes its connections with server-error; other rooms work', async () => {
	const store = new FaultyStore(new SqliteRoomStore(tempDir()))
	const broken = newRoomId()
	store.failLoadOf = broken
	const relay = await startRelay({ store })
	const ws = await rawSocket(relay, `/sync/${broken}`)
	expect(await closed(ws)).toEqual({
		code: closeCodes.serverError.code,
		reason: closeCodes.serverError.reason,
	})
	expect(relay.metrics.roomsLoaded).toBe(0)
	await expectRelayServes(relay)
})

test('stopping while the store keeps failing says how many updates were not written', async () => {
	const store = new FaultyStore(new SqliteRoomStore(tempDir()))
	store.failAppends = Number.POSITIVE_INFINITY
	store.failCompactions = true
	const relay = await startRelay({ store })
	const writer = connect(relay, newRoomId())
	await synced(writer)
	for (let i = 0; i < 3; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	await until(() => relay.metrics.updates === 3, 'the relay accepted them')
	await expect(relay.close()).rejects.toThrow(
		'3 accepted updates could not be written before stopping'
	)
})

test('a snapshot that holds updates whose own write failed makes them durable', async () => {
	const dataDir = tempDir()
	const store = new FaultyStore(new SqliteRoomStore(dataDir))
	store.failAppends = Number.POSITIVE_INFINITY
	const relay = await startRelay({ store })
	const room = newRoomId()
	const writer = connect(relay, room)
	await synced(writer)
	for (let i = 0; i < 3; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	await until(() => relay.metrics.updates === 3, 'the relay accepted them')
	writer.provider.destroy()
	// Appends keep failing but the snapshot at shutdown succeeds: nothing is reported lost.
	await relay.close()
	const again = await startRelay({ dataDir })
	const reader = connect(again, room)
	await synced(reader)
	expect(reader.doc.getMap('records').size).toBe(3)
})
