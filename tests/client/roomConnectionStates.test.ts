import { react } from 'tldraw'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { reconnectPolicy } from '../../client/sync/reconnectPolicy'
import { RoomConnection, type ConnectionState } from '../../client/sync/RoomConnection'
import { closeCodeMessages, closeCodes, type RoomRole } from '../../shared/relayProtocol'
import type { Relay } from '../../sync-server/createRelay'
import {
	connect,
	newRoomId,
	putRecord,
	startRelay,
	synced,
	tempDir,
	until,
} from '../relay/startRelay'
import { fakeBrowserNetwork } from './fakeBrowserNetwork'

/*
 * What the connection badge shows, driven by a real relay: RoomConnection in Node, with just
 * enough of a browser page around it (fakeBrowserNetwork). Waits poll with a generous timeout;
 * none of them is a time the test expects things to take.
 */

const network = fakeBrowserNetwork()
const cleanups: (() => void)[] = []

afterEach(() => {
	while (cleanups.length > 0) cleanups.pop()!()
})

/** A page's connection to the room, and every state it has been in, in order. */
function open(relay: Relay, kind: RoomRole, roomId: string) {
	network.pointAt(relay)
	const doc = new Y.Doc()
	const connection = new RoomConnection(roomId, doc, kind)
	const states: ConnectionState[] = []
	const stopRecording = react('states seen', () => {
		states.push(connection.state.get())
	})
	cleanups.push(() => {
		stopRecording()
		connection.destroy()
		doc.destroy()
	})
	const isIn = (...wanted: ConnectionState[]) => wanted.includes(connection.state.get())
	/** Waits until the connection is in one of `wanted`. */
	const reaches = (wanted: ConnectionState[], timeoutMs?: number) =>
		until(() => isIn(...wanted), `the connection is ${wanted.join(' or ')}`, timeoutMs)
	const syncs = (timeoutMs?: number) =>
		until(() => isIn('connected') && connection.synced.get(), 'the connection is synced', timeoutMs)
	return { connection, doc, states, reaches, syncs }
}

const recordIds = (doc: Y.Doc) => [...doc.getMap('records').keys()].sort()

test('an edit link connects to the relay, says connected and syncs both ways', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const peer = connect(relay, room)
	await synced(peer)
	putRecord(peer.doc, { id: 'shape:fromPeer', x: 1 })
	await until(() => relay.metrics.updates > 0, 'the relay has the change of the peer')

	const { connection, doc, states, syncs } = open(relay, 'edit', room)
	expect(connection.state.get()).toBe('connecting')
	await syncs()
	expect(states).toEqual(['connecting', 'connected'])
	expect(connection.problem.get()).toBeNull()
	expect(recordIds(doc)).toEqual(['shape:fromPeer'])
	putRecord(doc, { id: 'shape:ours', x: 2 })
	await until(() => peer.doc.getMap('records').has('shape:ours'), 'our change reaches the peer')

	// Nothing to try again while connected: the same socket stays.
	const socket = connection.provider.ws
	connection.retry()
	expect(connection.state.get()).toBe('connected')
	expect(connection.provider.ws).toBe(socket)
})

test('the network going away shows offline at once, and the edits made meanwhile sync when it is back', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const peer = connect(relay, room)
	await synced(peer)
	const { connection, doc, states, syncs } = open(relay, 'edit', room)
	await syncs()

	network.goOffline()
	expect(connection.state.get()).toBe('offline')
	expect(connection.provider.wsconnected).toBe(false)
	putRecord(doc, { id: 'shape:madeOffline', x: 3 })
	// Trying again without a network waits for it.
	connection.retry()
	expect(connection.state.get()).toBe('offline')
	expect(connection.provider.ws).toBeNull()

	network.goOnline()
	expect(connection.state.get()).toBe('connecting')
	await syncs()
	await until(
		() => peer.doc.getMap('records').has('shape:madeOffline'),
		'the edit reaches the peer'
	)
	expect(states).toEqual(['connecting', 'connected', 'offline', 'connecting', 'connected'])
	expect(connection.problem.get()).toBeNull()
})

test('a relay that shuts down is waited for, through the network dropping, and the map syncs once it is back', async () => {
	const dataDir = tempDir()
	const first = await startRelay({ dataDir })
	const room = newRoomId()
	const { connection, doc, reaches, syncs } = open(first, 'edit', room)
	await syncs()
	putRecord(doc, { id: 'shape:beforeRestart', x: 4 })
	await until(() => first.metrics.persistedUpdates > 0, 'the relay stored the change')

	await first.close()
	await reaches(['reconnecting'])
	expect(connection.problem.get()).toBe(closeCodeMessages.serverShuttingDown)
	network.goOffline()
	expect(connection.state.get()).toBe('offline')
	putRecord(doc, { id: 'shape:whileDown', x: 5 })

	// The same address, the same data: as `npm start` after a restart.
	const second = await startRelay({ dataDir, port: first.port })
	network.goOnline()
	await syncs()
	expect(connection.problem.get()).toBeNull()
	const reader = connect(second, room)
	await synced(reader)
	await until(
		() => recordIds(reader.doc).join() === 'shape:beforeRestart,shape:whileDown',
		'the relay has the change from before the restart and the one made while it was down'
	)
})

test('an unknown view link stops with its reason, and Try again asks the relay once more', async () => {
	const relay = await startRelay()
	const refusals = () => relay.metrics.closed.get(closeCodes.unknownViewId.reason) ?? 0
	const { connection, reaches } = open(relay, 'view', newRoomId())
	await reaches(['stopped'])
	expect(connection.problem.get()).toBe(closeCodeMessages.unknownViewId)
	expect(connection.provider.shouldConnect).toBe(false)
	expect(refusals()).toBe(1)

	// The network coming back does not change the relay's answer, so it is not asked again.
	network.goOffline()
	network.goOnline()
	expect(connection.state.get()).toBe('stopped')
	expect(connection.problem.get()).toBe(closeCodeMessages.unknownViewId)

	connection.retry()
	expect(connection.state.get()).toBe('connecting')
	expect(connection.problem.get()).toBeNull()
	await reaches(['stopped'])
	expect(connection.problem.get()).toBe(closeCodeMessages.unknownViewId)
	expect(refusals()).toBe(2)

	// Try again without a network: offline until it is back, then the relay is asked.
	network.goOffline()
	connection.retry()
	expect(connection.state.get()).toBe('offline')
	expect(connection.provider.ws).toBeNull()
	network.goOnline()
	await reaches(['stopped'])
	expect(connection.problem.get()).toBe(closeCodeMessages.unknownViewId)
	expect(refusals()).toBe(3)
})

test('presence the relay refuses is tried again a few times, then stops; Try again connects once it is small enough', async () => {
	const relay = await startRelay({ maxAwarenessStateBytes: 1024 })
	const room = newRoomId()
	const { connection, doc, states, reaches, syncs } = open(relay, 'edit', room)
	// Set before the socket opens, so that it is the first presence the relay sees.
	connection.awareness.setLocalStateField('presence', { name: 'Ann', note: 'x'.repeat(4096) })
	const { maxAttempts } = reconnectPolicy.awarenessTooLarge as { maxAttempts: number }

	/** Refusals in a row until the connection stops; returns how many times it reconnected. */
	const reconnectsUntilStopped = async () => {
		let reconnects = 0
		for (;;) {
			await reaches(['reconnecting', 'stopped'])
			expect(connection.problem.get()).toBe(closeCodeMessages.awarenessTooLarge)
			if (connection.state.get() === 'stopped') return reconnects
			reconnects++
			// "Retry now": skips the wait, but still counts towards the attempts in a row.
			connection.retry()
			expect(connection.state.get()).toBe('connecting')
		}
	}
	expect(await reconnectsUntilStopped()).toBe(maxAttempts)
	expect(relay.metrics.closed.get(closeCodes.awarenessTooLarge.reason)).toBe(maxAttempts + 1)

	// Try again with the cause still there: a new series of attempts, not a stop at the first.
	connection.retry()
	expect(connection.problem.get()).toBeNull()
	expect(await reconnectsUntilStopped()).toBe(maxAttempts)
	expect(relay.metrics.closed.get(closeCodes.awarenessTooLarge.reason)).toBe(2 * (maxAttempts + 1))
	expect(states.filter((state) => state === 'stopped')).toHaveLength(2)

	// Try again once the cause is gone.
	connection.awareness.setLocalStateField('presence', { name: 'Ann' })
	connection.retry()
	await syncs()
	expect(connection.problem.get()).toBeNull()
	// The relay took the presence: a newcomer sees it.
	const peer = connect(relay, room)
	await synced(peer)
	await until(
		() =>
			(peer.provider.awareness.getStates().get(doc.clientID) as { presence?: { name?: string } })
				?.presence?.name === 'Ann',
		'the newcomer sees Ann'
	)
	expect(connection.state.get()).toBe('connected')
})

test('a full room says so, waits, and connects by itself once someone leaves', async () => {
	const relay = await startRelay({ maxConnectionsPerRoom: 1 })
	const room = newRoomId()
	const other = connect(relay, room)
	await synced(other)
	putRecord(other.doc, { id: 'shape:fromOther', x: 6 })

	const { connection, doc, states, reaches, syncs } = open(relay, 'edit', room)
	await reaches(['reconnecting'])
	expect(connection.problem.get()).toBe(closeCodeMessages.roomFull)
	other.provider.destroy()
	// Our own wait (reconnectPolicy's roomFull delay) runs out; no one presses anything. The
	// timeout allows for a second wait, should the first retry come before the relay saw it leave.
	await syncs(20_000)
	expect(connection.problem.get()).toBeNull()
	expect(states).not.toContain('stopped')
	expect(states).not.toContain('offline')
	expect(recordIds(doc)).toEqual(['shape:fromOther'])
})
