import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { closeCodes } from '../../shared/relayProtocol'
import {
	closed,
	connect,
	expectRelayServes,
	newRoomId,
	putRecord,
	rawSocket,
	startRelay,
	synced,
	until,
} from './startRelay'

function syncStep1(): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()))
	return encoding.toUint8Array(encoder)
}

test('a flood over the message rate closes only the flooding connection', async () => {
	const relay = await startRelay({ maxMessagesPerSecond: 50, messageBurst: 100 })
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	const flooder = await rawSocket(relay, `/sync/${room}`)
	const result = closed(flooder)
	const frame = syncStep1()
	for (let i = 0; i < 1000; i++) flooder.send(frame)
	expect(await result).toEqual({
		code: closeCodes.rateLimited.code,
		reason: closeCodes.rateLimited.reason,
	})
	putRecord(a.doc, { id: 'shape:after-flood', x: 1 })
	await until(() => b.doc.getMap('records').has('shape:after-flood'), 'the room still syncs')
	await expectRelayServes(relay)
})

test('a client within the rate is never limited', async () => {
	const relay = await startRelay({ maxMessagesPerSecond: 50, messageBurst: 100 })
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	for (let i = 0; i < 60; i++) {
		putRecord(a.doc, { id: `shape:${i}`, x: i })
		await new Promise((r) => setTimeout(r, 5))
	}
	await until(() => b.doc.getMap('records').size === 60, 'every update arrives')
	expect(relay.metrics.closed.get('rate-limited')).toBeUndefined()
})

test('asking again and again for a large map is limited by the size of the answers', async () => {
	const relay = await startRelay({ maxMessagesPerSecond: 50, messageBurst: 100 })
	const room = newRoomId()
	const writer = connect(relay, room)
	await synced(writer)
	writer.doc.getText('t').insert(0, 'x'.repeat(1024 * 1024))
	await until(() => relay.metrics.updates === 1, 'the relay has the 1 MiB map')
	const asker = await rawSocket(relay, `/sync/${room}`)
	const result = closed(asker)
	// 16 answers of 1 MiB cost 16 x 17 messages: over a burst of 100.
	for (let i = 0; i < 16; i++) asker.send(syncStep1())
	expect(await result).toEqual({
		code: closeCodes.rateLimited.code,
		reason: closeCodes.rateLimited.reason,
	})
	await expectRelayServes(relay)
})
