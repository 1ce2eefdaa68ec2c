import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { AwarenessRelay } from '../../sync-server/AwarenessRelay'

function rawUpdate(entries: [clientId: number, clock: number, json: string][]): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, entries.length)
	for (const [clientId, clock, json] of entries) {
		encoding.writeVarUint(encoder, clientId)
		encoding.writeVarUint(encoder, clock)
		encoding.writeVarString(encoder, json)
	}
	return encoding.toUint8Array(encoder)
}

function frameOf(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, 1)
	encoding.writeVarUint8Array(encoder, update)
	return encoding.toUint8Array(encoder)
}

test('an echo of a state the relay holds is dropped by its clock, before its JSON is read', () => {
	const relay = new AwarenessRelay()
	const owner = {}
	const update = rawUpdate([[7, 1, '{"name":"Ada"}']])
	expect(relay.apply(frameOf(update), update, owner, new Set()).frame).not.toBeNull()
	// Same client and clock with JSON that would not even parse: not decoded, just dropped.
	const echo = rawUpdate([[7, 1, '{not json']])
	expect(relay.apply(frameOf(echo), echo, {}, new Set())).toEqual({ frame: null, duplicates: 1 })
	// A new clock with bad JSON is refused.
	const bad = rawUpdate([[7, 2, '{not json']])
	expect(() => relay.apply(frameOf(bad), bad, owner, new Set())).toThrow()
})

test('only the new entries of a mixed update are relayed, as y-protocols would apply them', () => {
	const relay = new AwarenessRelay()
	const first = rawUpdate([
		[1, 1, '{"a":1}'],
		[2, 1, '{"b":1}'],
	])
	relay.apply(frameOf(first), first, {}, new Set())
	const mixed = rawUpdate([
		[1, 1, '{"a":1}'],
		[2, 2, '{"b":2}'],
		[3, 1, '{"c":1}'],
	])
	const result = relay.apply(frameOf(mixed), mixed, {}, new Set())
	expect(result.duplicates).toBe(1)
	const doc = new Y.Doc()
	const awareness = new Awareness(doc)
	const decoder = decoding.createDecoder(result.frame!)
	expect(decoding.readVarUint(decoder)).toBe(1)
	applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'relay')
	expect(awareness.getStates().get(2)).toEqual({ b: 2 })
	expect(awareness.getStates().get(3)).toEqual({ c: 1 })
	expect(awareness.getStates().has(1)).toBe(false)
})

test('closing a connection removes the states it introduced, with a newer clock', () => {
	const relay = new AwarenessRelay()
	const owner = {}
	const owned = new Set<number>()
	const doc = new Y.Doc()
	const source = new Awareness(doc)
	source.setLocalState({ cursor: 1 })
	const update = encodeAwarenessUpdate(source, [doc.clientID])
	relay.apply(frameOf(update), update, owner, owned)
	expect(owned.has(doc.clientID)).toBe(true)
	expect(relay.size).toBe(1)
	const removal = relay.removeOwned(owner, owned)
	expect(removal).not.toBeNull()
	expect(relay.size).toBe(0)
	expect(relay.snapshotFrame()).toBeNull()
	// A late echo of the old state does not bring it back.
	expect(relay.apply(frameOf(update), update, {}, new Set()).frame).toBeNull()
})
