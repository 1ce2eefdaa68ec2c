import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { messageType } from '../shared/relayProtocol'

/** The awareness state of one client id as the relay holds it: raw JSON bytes, never re-encoded. */
interface Entry {
	clock: number
	/** UTF-8 JSON of the state, or null once removed. */
	state: Uint8Array | null
	lastUpdated: number
	/** The key of the connection that introduced it (removed when that connection closes). */
	owner: object | null
}

export interface AwarenessResult {
	/** The frame to relay (the original when every entry was new), or null when nothing was new. */
	frame: Uint8Array | null
	/** Entries that were not new (stock clients echo every update they receive). */
	duplicates: number
}

/** Thrown when a connection's presence goes over the relay's limits. */
export class AwarenessLimitError extends Error {
	override name = 'AwarenessLimitError'
}

export interface AwarenessLimits {
	/** Client ids one connection may introduce (a browser has one per tab). */
	maxClientsPerConnection: number
	/** Bytes of one client's JSON state. */
	maxStateBytes: number
}

const NULL_JSON = new TextEncoder().encode('null')
const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * The y-protocols awareness of one room, relayed without decoding what it already holds: an
 * entry whose clock is not newer than the one held is dropped after reading two varints, before
 * its JSON. New entries are checked to be JSON (a stock client would throw on anything else).
 * Throws on a malformed update, and `AwarenessLimitError` past the limits.
 */
export class AwarenessRelay {
	private readonly entries = new Map<number, Entry>()

	/** `tombstoneMs`: how long a removed client's last clock is kept to recognise late echoes. */
	constructor(
		private readonly limits: AwarenessLimits = {
			maxClientsPerConnection: 64,
			maxStateBytes: 256 * 1024,
		},
		private readonly tombstoneMs = 60_000
	) {}

	/** Applies an awareness message body (`update` as in y-protocols) from the connection `owner`. */
	apply(frame: Uint8Array, update: Uint8Array, owner: object, owned: Set<number>): AwarenessResult {
		const decoder = decoding.createDecoder(update)
		const count = decoding.readVarUint(decoder)
		let accepted: { clientId: number; clock: number; state: Uint8Array }[] | null = null
		let duplicates = 0
		const now = Date.now()
		for (let i = 0; i < count; i++) {
			const clientId = decoding.readVarUint(decoder)
			const clock = decoding.readVarUint(decoder)
			const state = decoding.readVarUint8Array(decoder)
			const entry = this.entries.get(clientId)
			const current = entry === undefined ? 0 : entry.clock
			const isNull = equalBytes(state, NULL_JSON)
			if (!(current < clock || (current === clock && isNull && entry?.state != null))) {
				duplicates++
				continue
			}
			if (state.length > this.limits.maxStateBytes) {
				throw new AwarenessLimitError(`awareness state of ${state.length} bytes`)
			}
			const parsed: unknown = JSON.parse(utf8.decode(state))
			const removed = parsed === null
			const introduces = !removed && (entry === undefined || entry.state === null)
			if (introduces && owned.size >= this.limits.maxClientsPerConnection) {
				throw new AwarenessLimitError(`more than ${owned.size} awareness clients on one connection`)
			}
			if (entry === undefined) {
				this.entries.set(clientId, {
					clock,
					state: removed ? null : state,
					lastUpdated: now,
					owner: removed ? null : owner,
				})
				if (!removed) owned.add(clientId)
			} else {
				if (!removed && entry.state === null) {
					entry.owner = owner
					owned.add(clientId)
				}
				entry.clock = clock
				entry.state = removed ? null : state
				entry.lastUpdated = now
			}
			;(accepted ??= []).push({ clientId, clock, state: removed ? NULL_JSON : state })
		}
		if (accepted === null) return { frame: null, duplicates }
		if (duplicates === 0) return { frame, duplicates }
		return { frame: encodeFrame(accepted), duplicates }
	}

	/** Removes the states a closed connection introduced; returns the frame telling the others. */
	removeOwned(owner: object, owned: Set<number>): Uint8Array | null {
		const removed: { clientId: number; clock: number; state: Uint8Array }[] = []
		for (const clientId of owned) {
			const entry = this.entries.get(clientId)
			if (entry === undefined || entry.state === null || entry.owner !== owner) continue
			entry.clock++
			entry.state = null
			entry.owner = null
			entry.lastUpdated = Date.now()
			removed.push({ clientId, clock: entry.clock, state: NULL_JSON })
		}
		owned.clear()
		return removed.length > 0 ? encodeFrame(removed) : null
	}

	/** Removes states not renewed since `before`; returns the frame telling everyone, if any. */
	removeOutdated(
		before: number,
		ownedOf: (owner: object) => Set<number> | undefined
	): Uint8Array | null {
		const removed: { clientId: number; clock: number; state: Uint8Array }[] = []
		for (const [clientId, entry] of this.entries) {
			// Forget removed clients after a while (a page reload brings a new client id each time).
			if (entry.state === null) {
				if (entry.lastUpdated < before - this.tombstoneMs) this.entries.delete(clientId)
				continue
			}
			if (entry.lastUpdated >= before) continue
			if (entry.owner) ownedOf(entry.owner)?.delete(clientId)
			entry.clock++
			entry.state = null
			entry.owner = null
			entry.lastUpdated = Date.now()
			removed.push({ clientId, clock: entry.clock, state: NULL_JSON })
		}
		return removed.length > 0 ? encodeFrame(removed) : null
	}

	/** Every present state, as one frame for a newcomer or a query; null when there is none. */
	snapshotFrame(): Uint8Array | null {
		const present: { clientId: number; clock: number; state: Uint8Array }[] = []
		for (const [clientId, entry] of this.entries) {
			if (entry.state !== null) present.push({ clientId, clock: entry.clock, state: entry.state })
		}
		return present.length > 0 ? encodeFrame(present) : null
	}

	get size(): number {
		let n = 0
		for (const entry of this.entries.values()) if (entry.state !== null) n++
		return n
	}
}

function encodeFrame(items: { clientId: number; clock: number; state: Uint8Array }[]): Uint8Array {
	const body = encoding.createEncoder()
	encoding.writeVarUint(body, items.length)
	for (const item of items) {
		encoding.writeVarUint(body, item.clientId)
		encoding.writeVarUint(body, item.clock)
		encoding.writeVarUint8Array(body, item.state)
	}
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, messageType.awareness)
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(body))
	return encoding.toUint8Array(encoder)
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
	return true
}
