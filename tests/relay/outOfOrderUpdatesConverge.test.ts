import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { connect, newRoomId, rawSocket, startRelay, synced, until } from './startRelay'

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint(encoder, 2)
	encoding.writeVarUint8Array(encoder, update)
	return encoding.toUint8Array(encoder)
}

test('an update that arrives before its parents is kept and relayed, and everyone converges', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const watcher = connect(relay, room)
	await synced(watcher)
	// Offline: X adds two items; Y (a copy of X) deletes one and adds its own after it.
	const x = new Y.Doc()
	x.getArray<string>('list').push(['a', 'b'])
	const y = new Y.Doc()
	Y.applyUpdate(y, Y.encodeStateAsUpdate(x))
	const before = Y.encodeStateVector(y)
	y.getArray<string>('list').delete(0, 1)
	y.getArray<string>('list').push(['c'])
	const fromY = Y.encodeStateAsUpdate(y, before)
	// Y's change reaches the relay first, X's items afterwards.
	const socket = await rawSocket(relay, `/sync/${room}`)
	socket.send(updateFrame(fromY))
	await until(() => relay.metrics.updates === 1, 'the relay kept the early update')
	socket.send(updateFrame(Y.encodeStateAsUpdate(x)))
	await until(() => watcher.doc.getArray('list').length === 2, 'the watcher has the merged list')
	expect(watcher.doc.getArray('list').toArray()).toEqual(['b', 'c'])
	const late = connect(relay, room)
	await synced(late)
	expect(late.doc.getArray('list').toArray()).toEqual(['b', 'c'])
})
