import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { expectRelayServes, newRoomId, startRelay, until } from './startRelay'

test('200 connections opening and closing at once leave the relay serving and empty', async () => {
	const relay = await startRelay({ roomIdleMs: 50 })
	const rooms = Array.from({ length: 10 }, () => newRoomId())
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
	const step1 = encoding.toUint8Array(encoder)
	const base = relay.url.replace('http:', 'ws:')
	const outcomes = await Promise.all(
		Array.from({ length: 200 }, (_, i) => {
			const ws = new WebSocket(`${base}/sync/${rooms[i % rooms.length]}`)
			return new Promise<string>((resolve) => {
				ws.on('error', () => resolve('error'))
				ws.on('close', () => resolve('closed'))
				if (i % 4 === 0) {
					// Gone before the handshake completes.
					setImmediate(() => ws.terminate())
					return
				}
				ws.on('open', () => {
					ws.send(step1)
					if (i % 4 === 1) ws.terminate()
				})
				ws.on('message', () => {
					if (i % 4 === 2) ws.close()
					else ws.terminate()
				})
			})
		})
	)
	expect(outcomes).toHaveLength(200)
	await until(() => relay.metrics.roomsLoaded === 0, 'every room unloads once everyone left')
	const metrics = await (await fetch(`${relay.url}/metrics`)).text()
	expect(metrics).toMatch(/^relay_connections 0$/m)
	await expectRelayServes(relay)
})
