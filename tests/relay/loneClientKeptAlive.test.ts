import * as encoding from 'lib0/encoding'
import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { newRoomId, startRelay, until } from './startRelay'

test('a client alone in a room gets its presence renewals back, so stock clients never time out', async () => {
	// y-websocket closes a connection that received no message for 30 s; alone in a room, the
	// only traffic is its own presence renewal every 15 s, which the relay therefore returns.
	const relay = await startRelay()
	const ws = new WebSocket(`${relay.url.replace('http:', 'ws:')}/sync/${newRoomId()}`)
	const awareness: Buffer[] = []
	ws.on('message', (data: Buffer) => {
		if (data[0] === 1) awareness.push(data)
	})
	await new Promise((r) => ws.once('open', r))
	const body = encoding.createEncoder()
	encoding.writeVarUint(body, 1)
	encoding.writeVarUint(body, 99)
	encoding.writeVarUint(body, 1)
	encoding.writeVarString(body, JSON.stringify({ user: { name: 'Solo' } }))
	const frame = encoding.createEncoder()
	encoding.writeVarUint(frame, 1)
	encoding.writeVarUint8Array(frame, encoding.toUint8Array(body))
	ws.send(encoding.toUint8Array(frame))
	await until(() => awareness.length === 1, 'the renewal comes back')
	expect(new Uint8Array(awareness[0]!)).toEqual(encoding.toUint8Array(frame))
	ws.terminate()
})
