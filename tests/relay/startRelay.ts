import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { afterEach } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import type { RelayConfig } from '../../sync-server/config'
import { createRelay, type Relay } from '../../sync-server/createRelay'

/**
 * Test helpers: a real relay on port 0 with a temporary data folder, and stock y-websocket
 * clients. Everything started in a test is closed after it (relays after their clients).
 */
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
	while (cleanups.length > 0) await cleanups.pop()!()
})

export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'relay-test-'))
	cleanups.unshift(() => rmSync(dir, { recursive: true, force: true }))
	return dir
}

export async function startRelay(options: Partial<RelayConfig> = {}): Promise<Relay> {
	const relay = await createRelay({
		port: 0,
		host: '127.0.0.1',
		dataDir: options.dataDir ?? tempDir(),
		staticDir: join(tempDir(), 'no-dist'),
		logLevel: 'silent',
		...options,
	})
	cleanups.push(() => relay.close().catch(() => undefined))
	return relay
}

export function wsUrl(relay: Relay): string {
	return relay.url.replace('http:', 'ws:') + '/sync'
}

export interface Client {
	doc: Y.Doc
	provider: WebsocketProvider
}

/** A stock WebsocketProvider (BroadcastChannel off, so that only the relay connects clients). */
export function connect(relay: Relay, roomId: string, doc = new Y.Doc()): Client {
	const provider = new WebsocketProvider(wsUrl(relay), roomId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	cleanups.push(() => {
		provider.destroy()
		doc.destroy()
	})
	return { doc, provider }
}

export function synced(client: Client): Promise<void> {
	if (client.provider.synced) return Promise.resolve()
	return new Promise((resolve) =>
		client.provider.once('sync', (state: boolean) => state && resolve())
	)
}

/** Waits until `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
	const start = Date.now()
	while (!check()) {
		if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting until ${what}`)
		await new Promise((r) => setTimeout(r, 10))
	}
}

export { newRoomId }

/** Puts a record in the contract layout: a Y.Map of fields, `props` and `meta` nested Y.Maps. */
export function putRecord(doc: Y.Doc, record: Record<string, unknown>): void {
	const fields = new Y.Map<unknown>()
	for (const [key, value] of Object.entries(record)) {
		if ((key === 'props' || key === 'meta') && value && typeof value === 'object') {
			const nested = new Y.Map<unknown>()
			for (const [k, v] of Object.entries(value)) nested.set(k, v)
			fields.set(key, nested)
		} else fields.set(key, value)
	}
	doc.getMap('records').set(String(record.id), fields)
}

/** A raw websocket to the relay (for bad input); resolves once open. */
export async function rawSocket(relay: Relay, path: string): Promise<WebSocket> {
	const ws = new WebSocket(relay.url.replace('http:', 'ws:') + path)
	cleanups.push(() => ws.terminate())
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve())
		ws.once('error', reject)
	})
	return ws
}

/** Resolves with the close code and reason the relay sent. */
export function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
	if (ws.readyState === WebSocket.CLOSED)
		return Promise.resolve({ code: -1, reason: 'already closed' })
	return new Promise((resolve) =>
		ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }))
	)
}

/** Another room still works: two fresh stock clients converge through the relay. */
export async function expectRelayServes(relay: Relay): Promise<void> {
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	putRecord(a.doc, { id: 'shape:probe', x: 42 })
	await until(() => b.doc.getMap('records').has('shape:probe'), 'a fresh room still syncs')
	const health = await fetch(`${relay.url}/healthz`)
	if (health.status !== 200) throw new Error(`healthz answered ${health.status}`)
}
