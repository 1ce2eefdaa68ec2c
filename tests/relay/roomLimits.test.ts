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

test('a room at its connection limit refuses the next connection with room-full', async () => {
	const relay = await startRelay({ maxConnectionsPerRoom: 3 })
	const room = newRoomId()
	const clients = [connect(relay, room), connect(relay, room), connect(relay, room)]
	await Promise.all(clients.map(synced))
	const extra = await rawSocket(relay, `/sync/${room}`)
	expect(await closed(extra)).toEqual({
		code: closeCodes.roomFull.code,
		reason: closeCodes.roomFull.reason,
	})
	clients[0]!.doc.getMap('records').set('shape:x', 1)
	await until(() => clients[2]!.doc.getMap('records').has('shape:x'), 'the room still works')
	await expectRelayServes(relay)
})

test('with the most rooms loaded a new room is refused with too-many-rooms', async () => {
	const relay = await startRelay({ maxRooms: 2, roomIdleMs: 50 })
	const a = connect(relay, newRoomId())
	const b = connect(relay, newRoomId())
	await Promise.all([synced(a), synced(b)])
	const third = await rawSocket(relay, `/sync/${newRoomId()}`)
	expect(await closed(third)).toEqual({
		code: closeCodes.tooManyRooms.code,
		reason: closeCodes.tooManyRooms.reason,
	})
	// Once a room is left and unloaded, there is space again.
	a.provider.destroy()
	await until(() => relay.metrics.roomsLoaded === 1, 'the left room unloads')
	const fourth = connect(relay, newRoomId())
	await synced(fourth)
})

test('an update that would grow a map past the size limit closes its sender with document-too-large', async () => {
	const relay = await startRelay({ maxDocumentBytes: 100_000 })
	const room = newRoomId()
	const writer = connect(relay, room)
	const reader = connect(relay, room)
	await Promise.all([synced(writer), synced(reader)])
	writer.doc.getText('t').insert(0, 'a'.repeat(50_000))
	await until(() => reader.doc.getText('t').length === 50_000, 'the first half arrives')
	const codes: number[] = []
	writer.provider.on('connection-close', (event: CloseEvent | null) => {
		if (event) codes.push(event.code)
	})
	writer.doc.getText('t').insert(0, 'b'.repeat(60_000))
	await until(() => codes.length > 0, 'the writer is closed')
	expect(codes[0]).toBe(closeCodes.documentTooLarge.code)
	expect(reader.doc.getText('t').length).toBe(50_000)
	writer.provider.destroy()
	// What the room already held is kept and still served.
	const later = connect(relay, room)
	await synced(later)
	expect(later.doc.getText('t').length).toBe(50_000)
	await expectRelayServes(relay)
})

test('with the most connections open a new one is refused with too-many-connections', async () => {
	const relay = await startRelay({ maxConnections: 2 })
	const a = connect(relay, newRoomId())
	const b = connect(relay, newRoomId())
	await Promise.all([synced(a), synced(b)])
	const third = await rawSocket(relay, `/sync/${newRoomId()}`)
	expect(await closed(third)).toEqual({
		code: closeCodes.tooManyConnections.code,
		reason: closeCodes.tooManyConnections.reason,
	})
	// Once someone leaves there is space again.
	a.provider.destroy()
	let open = 2
	while (open >= 2) {
		const text = await (await fetch(`${relay.url}/metrics`)).text()
		open = Number(/^relay_connections (\d+)$/m.exec(text)?.[1])
	}
	const c = connect(relay, newRoomId())
	await synced(c)
})
