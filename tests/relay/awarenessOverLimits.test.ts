import * as encoding from 'lib0/encoding'
import { expect, test } from 'vitest'
import { closeCodes } from '../../shared/relayProtocol'
import {
	closed,
	connect,
	expectRelayServes,
	newRoomId,
	rawSocket,
	startRelay,
	synced,
	until,
} from './startRelay'

function awarenessFrame(entries: [clientId: number, clock: number, state: unknown][]): Uint8Array {
	const body = encoding.createEncoder()
	encoding.writeVarUint(body, entries.length)
	for (const [clientId, clock, state] of entries) {
		encoding.writeVarUint(body, clientId)
		encoding.writeVarUint(body, clock)
		encoding.writeVarString(body, JSON.stringify(state))
	}
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 1)
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(body))
	return encoding.toUint8Array(encoder)
}

const tooLarge = {
	code: closeCodes.awarenessTooLarge.code,
	reason: closeCodes.awarenessTooLarge.reason,
}

test('one connection claiming many presence client ids is closed with awareness-too-large', async () => {
	const relay = await startRelay({ maxAwarenessClientsPerConnection: 4 })
	const room = newRoomId()
	const watcher = connect(relay, room)
	await synced(watcher)
	watcher.provider.awareness.setLocalStateField('user', { name: 'Watcher' })
	const ws = await rawSocket(relay, `/sync/${room}`)
	const result = closed(ws)
	ws.send(awarenessFrame(Array.from({ length: 10 }, (_, i) => [1000 + i, 1, { n: i }])))
	expect(await result).toEqual(tooLarge)
	// Whatever it managed to introduce before the limit is gone again: a newcomer sees none of it.
	const late = connect(relay, room)
	await synced(late)
	await until(
		() => late.provider.awareness.getStates().has(watcher.doc.clientID),
		'the newcomer sees the watcher'
	)
	const ids = [...late.provider.awareness.getStates().keys()]
	expect(ids.filter((id) => id >= 1000 && id < 1010)).toEqual([])
	await expectRelayServes(relay)
})

test('a presence state over the size limit is refused with awareness-too-large', async () => {
	const relay = await startRelay({ maxAwarenessStateBytes: 1024 })
	const room = newRoomId()
	const ws = await rawSocket(relay, `/sync/${room}`)
	const result = closed(ws)
	ws.send(awarenessFrame([[77, 1, { selected: 'x'.repeat(2000) }]]))
	expect(await result).toEqual(tooLarge)
	await expectRelayServes(relay)
})

test('a normal client with a selection stays within the defaults', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	const selected = Array.from({ length: 500 }, (_, i) => `shape:${i.toString().padStart(20, '0')}`)
	a.provider.awareness.setLocalStateField('selection', selected)
	await until(
		() => b.provider.awareness.getStates().get(a.doc.clientID)?.selection?.length === 500,
		'b sees the selection'
	)
	expect(relay.metrics.closed.size).toBe(0)
})
