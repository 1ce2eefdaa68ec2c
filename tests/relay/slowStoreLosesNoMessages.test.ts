import { expect, test } from 'vitest'
import type { LogEntry, RoomStore } from '../../sync-server/RoomStore'
import { SqliteRoomStore } from '../../sync-server/SqliteRoomStore'
import { connect, newRoomId, putRecord, startRelay, synced, tempDir, until } from './startRelay'

const later = <T>(value: Promise<T>, ms: number) =>
	new Promise<T>((r) => setTimeout(() => r(value), ms))

/** The SQLite store answering every look-up and load 200 ms late, as a remote database might. */
class SlowStore implements RoomStore {
	constructor(private readonly inner: SqliteRoomStore) {}
	load(roomId: string) {
		return later(this.inner.load(roomId), 200)
	}
	exists(roomId: string) {
		return this.inner.exists(roomId)
	}
	append(entries: readonly LogEntry[]) {
		return this.inner.append(entries)
	}
	compact(roomId: string, snapshot: Uint8Array, upToSeq: number) {
		return this.inner.compact(roomId, snapshot, upToSeq)
	}
	viewIdOf(editId: string, create: boolean) {
		return this.inner.viewIdOf(editId, create)
	}
	editIdOfView(viewId: string) {
		return later(this.inner.editIdOfView(viewId), 200)
	}
	close() {
		return this.inner.close()
	}
}

test('with a slow store, clients’ first messages wait for the room and nobody sees an empty map', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = await startRelay({ dataDir })
	const writer = connect(first, room)
	await synced(writer)
	for (let i = 0; i < 10; i++) putRecord(writer.doc, { id: `shape:${i}`, x: i })
	await until(() => first.metrics.updates === 10, 'the relay has the map')
	writer.provider.destroy()
	await first.close()

	const relay = await startRelay({ store: new SlowStore(new SqliteRoomStore(dataDir)) })
	const a = connect(relay, room)
	const b = connect(relay, room)
	const sizesAtSync: number[] = []
	for (const c of [a, b])
		c.provider.on('sync', (s: boolean) => s && sizesAtSync.push(c.doc.getMap('records').size))
	await Promise.all([synced(a), synced(b)])
	expect(sizesAtSync).toEqual([10, 10])
	putRecord(a.doc, { id: 'shape:new', x: 1 })
	await until(() => b.doc.getMap('records').has('shape:new'), 'b sees a’s new shape')
})
