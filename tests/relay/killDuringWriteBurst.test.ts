import Database from 'better-sqlite3'
import { join } from 'node:path'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { newRoomId, tempDir } from './startRelay'
import { spawnRelay } from './spawnRelay'

function client(port: number, room: string) {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()))
	return { doc, provider, synced }
}

async function metric(port: number, name: string): Promise<number> {
	const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text()
	return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1])
}

test('kill -9 in the middle of a write burst keeps everything that was durable; the database opens cleanly', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = spawnRelay({ DATA_DIR: dataDir })
	const port = await first.listening
	const writer = client(port, room)
	await writer.synced
	const list = writer.doc.getArray<number>('burst')
	for (let i = 0; i < 300; i++) list.push([i])
	// Durable: every update has been written (nothing pending) before the second burst starts.
	const waitDurable = async () => {
		for (;;) {
			if (
				(await metric(port, 'relay_persisted_updates_total')) >= 300 &&
				(await metric(port, 'relay_persistence_pending_updates')) === 0
			)
				return
			await new Promise((r) => setTimeout(r, 20))
		}
	}
	await waitDurable()
	let sent = 300
	const burst = setInterval(() => {
		for (let k = 0; k < 20; k++) list.push([sent++])
	}, 2)
	await new Promise((r) => setTimeout(r, 150))
	first.child.kill('SIGKILL')
	clearInterval(burst)
	writer.provider.destroy()
	expect((await first.exited).signal).toBe('SIGKILL')

	const db = new Database(join(dataDir, 'relay.sqlite'))
	expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
	db.close()

	const second = spawnRelay({ DATA_DIR: dataDir })
	const port2 = await second.listening
	const reader = client(port2, room)
	await reader.synced
	const values = reader.doc.getArray<number>('burst').toArray()
	reader.provider.destroy()
	// Everything durable before the burst is there, and what follows is an unbroken prefix.
	expect(values.length).toBeGreaterThanOrEqual(300)
	expect(values).toEqual(Array.from({ length: values.length }, (_, i) => i))
	expect(values.length).toBeLessThanOrEqual(sent)
	second.child.kill('SIGTERM')
	expect((await second.exited).code).toBe(0)
})

test('SIGTERM writes every accepted update before exiting', async () => {
	const dataDir = tempDir()
	const room = newRoomId()
	const first = spawnRelay({ DATA_DIR: dataDir, FLUSH_INTERVAL_MS: '100' })
	const port = await first.listening
	const writer = client(port, room)
	await writer.synced
	const list = writer.doc.getArray<number>('items')
	for (let i = 0; i < 500; i++) list.push([i])
	// Wait until the relay has applied all of them (in memory), then stop it at once.
	for (;;) {
		if ((await metric(port, 'relay_updates_total')) >= 500) break
		await new Promise((r) => setTimeout(r, 5))
	}
	writer.provider.destroy()
	first.child.kill('SIGTERM')
	expect((await first.exited).code).toBe(0)

	const second = spawnRelay({ DATA_DIR: dataDir })
	const reader = client(await second.listening, room)
	await reader.synced
	expect(reader.doc.getArray<number>('items').length).toBe(500)
	reader.provider.destroy()
})
