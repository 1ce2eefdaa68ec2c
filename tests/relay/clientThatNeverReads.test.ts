import { expect, test } from 'vitest'
import type { Socket } from 'node:net'
import * as Y from 'yjs'
import {
	connect,
	expectRelayServes,
	newRoomId,
	rawSocket,
	startRelay,
	synced,
	until,
} from './startRelay'

test('a client that never reads is closed instead of buffered forever', async () => {
	const relay = await startRelay({ maxBufferedBytes: 512 * 1024 })
	const room = newRoomId()
	const writer = connect(relay, room)
	const reader = connect(relay, room)
	await Promise.all([synced(writer), synced(reader)])
	const stuck = await rawSocket(relay, `/sync/${room}`)
	// Stop reading: the kernel buffers fill, then the relay's send queue grows.
	;(stuck as unknown as { _socket: Socket })._socket.pause()
	const text = writer.doc.getText('notes')
	const chunk = 'x'.repeat(200 * 1024)
	for (let i = 0; i < 100 && !relay.metrics.closed.get('slow-consumer'); i++) {
		text.insert(text.length, chunk)
		await new Promise((r) => setTimeout(r, 10))
	}
	await until(
		() => (relay.metrics.closed.get('slow-consumer') ?? 0) === 1,
		'the stuck client is closed'
	)
	await until(
		() => reader.doc.getText('notes').length === text.length,
		'the reading client has everything'
	)
	expect(reader.doc.getText('notes').toString()).toBe(text.toString())
	expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc))
	await expectRelayServes(relay)
})
