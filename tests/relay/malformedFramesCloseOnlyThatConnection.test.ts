import * as encoding from 'lib0/encoding'
import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { closeCodes } from '../../shared/relayProtocol'
import type { Relay } from '../../sync-server/createRelay'
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
import { seededRandom } from '../helpers/seededRandom'

const malformed = {
	code: closeCodes.malformedMessage.code,
	reason: closeCodes.malformedMessage.reason,
}

/** Sends one frame on a fresh socket in `room` and returns how the relay closed it. */
async function sendAndWaitClose(relay: Relay, room: string, frame: Uint8Array | string) {
	const ws = await rawSocket(relay, `/sync/${room}`)
	const result = closed(ws)
	ws.send(frame)
	return result
}

function varUint(...parts: (number | Uint8Array)[]): Uint8Array {
	const encoder = encoding.createEncoder()
	for (const part of parts) {
		if (typeof part === 'number') encoding.writeVarUint(encoder, part)
		else encoding.writeUint8Array(encoder, part)
	}
	return encoding.toUint8Array(encoder)
}

/** A client in the attacked room that must keep working throughout. */
async function bystanders(relay: Relay, room: string) {
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	return async (label: string) => {
		putRecord(a.doc, { id: `shape:${label}`, x: 1 })
		await until(
			() => b.doc.getMap('records').has(`shape:${label}`),
			`bystanders still sync (${label})`
		)
	}
}

test('random bytes close only the connection that sent them (seeded; SEED=n replays one)', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const stillSyncs = await bystanders(relay, room)
	const seeds = process.env.SEED
		? [Number(process.env.SEED)]
		: Array.from({ length: 60 }, (_, i) => i + 1)
	for (const seed of seeds) {
		const random = seededRandom(seed)
		const ws = await rawSocket(relay, `/sync/${room}`)
		const result = closed(ws)
		for (let i = 0; i < 5; i++) {
			const frame = new Uint8Array(1 + Math.floor(random() * 64))
			for (let j = 0; j < frame.length; j++) frame[j] = Math.floor(random() * 256)
			if (ws.readyState === WebSocket.OPEN) ws.send(frame)
		}
		// Well-formed frames can occur by chance; either way the socket is ours to close.
		const outcome = await Promise.race([
			result,
			new Promise((r) => setTimeout(() => r('open'), 200)),
		])
		if (outcome !== 'open') expect(outcome, `seed ${seed}`).toEqual(malformed)
		ws.terminate()
	}
	await stillSyncs('after-random')
	await expectRelayServes(relay)
})

test('truncated varints are refused with the malformed-message code', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const stillSyncs = await bystanders(relay, room)
	for (const frame of [
		[0x80],
		[0x00, 0x80],
		[0x00, 0x02, 0xff],
		[0x01, 0x85],
		[0x00, 0x00, 0x83, 0x80],
	]) {
		expect(
			await sendAndWaitClose(relay, room, Uint8Array.from(frame)),
			JSON.stringify(frame)
		).toEqual(malformed)
	}
	await stillSyncs('after-truncated')
	await expectRelayServes(relay)
})

test('unknown message types and text frames are refused', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const stillSyncs = await bystanders(relay, room)
	for (const frame of [[7], [100, 0], [0x00, 0x09, 0x00], [0x7f, 1, 2, 3]]) {
		expect(
			await sendAndWaitClose(relay, room, Uint8Array.from(frame)),
			JSON.stringify(frame)
		).toEqual(malformed)
	}
	expect(await sendAndWaitClose(relay, room, 'hello')).toEqual(malformed)
	await stillSyncs('after-unknown')
	await expectRelayServes(relay)
})

test('length fields that claim gigabytes are refused without reading them', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const stillSyncs = await bystanders(relay, room)
	const GB = 2 ** 30
	const frames = [
		varUint(0, 2, 4 * GB, Uint8Array.of(1, 2, 3)), // update whose length claims 4 GiB
		varUint(1, 2 * GB, Uint8Array.of(1)), // awareness body claiming 2 GiB
		varUint(1, varUint(GB, 1, 1)), // awareness update claiming a billion entries
		varUint(1, varUint(1, 5, 1, GB)), // awareness state string claiming 1 GiB
		varUint(0, 2, varUint(GB)), // Yjs update claiming a billion clients
		varUint(0, 2, varUint(1, 2 ** 40, 5, 0)), // Yjs update claiming 2^40 structs
		varUint(0, 2, varUint(1, 9_000_000, 5, 0, 0)), // 9 million structs in five bytes
		varUint(0, 0, varUint(GB, 1, 1)), // state vector claiming a billion clients
	]
	const before = process.memoryUsage().rss
	for (const frame of frames) {
		expect(await sendAndWaitClose(relay, room, frame), Array.from(frame).join(',')).toEqual(
			malformed
		)
	}
	expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024)
	await stillSyncs('after-gigabytes')
	await expectRelayServes(relay)
})
