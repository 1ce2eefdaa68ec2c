import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { connect, newRoomId, rawSocket, startRelay, synced, until } from './startRelay'

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
	const body = encoding.createEncoder()
	encoding.writeVarUint(body, 1)
	encoding.writeVarUint(body, clientId)
	encoding.writeVarUint(body, clock)
	encoding.writeVarString(body, JSON.stringify(state))
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 1)
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(body))
	return encoding.toUint8Array(encoder)
}

test('presence that is not renewed is removed and everyone is told', async () => {
	const relay = await startRelay({ awarenessTimeoutMs: 300 })
	const room = newRoomId()
	const watcher = connect(relay, room)
	await synced(watcher)
	const silent = await rawSocket(relay, `/sync/${room}`)
	silent.send(awarenessFrame(424242, 1, { user: { name: 'Gone quiet' } }))
	await until(
		() => watcher.provider.awareness.getStates().has(424242),
		'the watcher sees the presence'
	)
	// The silent socket stays connected but never renews its state.
	await until(
		() => !watcher.provider.awareness.getStates().has(424242),
		'the stale presence is removed',
		5000
	)
	expect(silent.readyState).toBe(WebSocket.OPEN)
})

test('a query-awareness message is answered with every present state', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
	await until(
		() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada',
		'the relay holds a’s presence'
	)
	b.provider.destroy()
	// Listen from the start: the relay's first frames can arrive with the handshake.
	const asker = new WebSocket(`${relay.url.replace('http:', 'ws:')}/sync/${room}`)
	const answers: Uint8Array[] = []
	asker.on('message', (data: Buffer) => {
		if (data[0] === 1) answers.push(new Uint8Array(data))
	})
	await new Promise((resolve) => asker.once('open', resolve))
	await until(() => answers.length === 1, 'the states sent on joining')
	asker.send(Uint8Array.of(3))
	await until(() => answers.length === 2, 'the answer to the query')
	const decoder = decoding.createDecoder(answers[1]!)
	decoding.readVarUint(decoder)
	const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
	expect(decoding.readVarUint(update)).toBe(1)
	expect(decoding.readVarUint(update)).toBe(a.doc.clientID)
	decoding.readVarUint(update)
	expect(JSON.parse(decoding.readVarString(update))).toEqual({ user: { name: 'Ada' } })
	asker.terminate()
})
