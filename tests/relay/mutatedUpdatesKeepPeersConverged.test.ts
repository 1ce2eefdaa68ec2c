import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import {
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

function updateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 0)
	encoding.writeVarUint(encoder, 2)
	encoding.writeVarUint8Array(encoder, update)
	return encoding.toUint8Array(encoder)
}

const view = (doc: Y.Doc) =>
	JSON.stringify([
		doc.getMap('records').toJSON(),
		doc.getArray('list').toJSON(),
		doc.getText('notes').toString(),
	])

test('real updates with a few bytes changed leave the relay and its peers in one state (seeded; SEED=n replays one)', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	putRecord(a.doc, { id: 'shape:base', x: 1, props: { title: 'Base' } })
	await until(() => b.doc.getMap('records').has('shape:base'), 'b has the base shape')
	const seeds = process.env.SEED
		? [Number(process.env.SEED)]
		: Array.from({ length: 300 }, (_, i) => i + 1)
	for (const seed of seeds) {
		const random = seededRandom(seed)
		// A genuine change by another client: a field, a list push, some text.
		const source = new Y.Doc()
		Y.applyUpdate(source, Y.encodeStateAsUpdate(a.doc))
		const before = Y.encodeStateVector(source)
		;(source.getMap('records').get('shape:base') as Y.Map<unknown>).set('x', seed)
		source.getArray('list').push([seed, { k: seed }])
		source.getText('notes').insert(0, `note ${seed} `)
		const mutated = Uint8Array.from(Y.encodeStateAsUpdate(source, before))
		for (let flips = 1 + Math.floor(random() * 3); flips > 0; flips--) {
			mutated[Math.floor(random() * mutated.length)] = Math.floor(random() * 256)
		}
		const ws = await rawSocket(relay, `/sync/${room}`)
		ws.send(updateFrame(mutated))
		await new Promise((r) => setTimeout(r, 3))
		ws.terminate()
	}
	// A flipped byte can forge another client's id and clock, which Yjs cannot tell from the real
	// thing (with any y-websocket server): so the marker comes from a client that joins now.
	const c = connect(relay, room)
	await synced(c)
	putRecord(c.doc, { id: 'shape:marker', x: 2 })
	await until(() => b.doc.getMap('records').has('shape:marker'), 'the marker reaches b')
	// What the relay holds (and a newcomer gets) is exactly what it relayed to b.
	const late = connect(relay, room)
	await synced(late)
	expect(view(late.doc)).toBe(view(b.doc))
	expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(b.doc))
	await expectRelayServes(relay)
}, 60_000)
