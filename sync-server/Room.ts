import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { messageType } from '../shared/relayProtocol'
import { AwarenessLimitError, AwarenessRelay } from './AwarenessRelay'
import { frameOnce, type Connection } from './Connection'
import type { Logger } from './log'
import type { Metrics } from './Metrics'
import type { PersistQueue } from './PersistQueue'
import type { RoomBus, RoomBusMembership } from './RoomBus'
import type { RoomStore, StoredRoom } from './RoomStore'

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** A state vector with no clients: what a new client sends in sync step 1. */
const EMPTY_STATE_VECTOR_LENGTH = 1

export interface RoomLimits {
	maxDocumentBytes: number
	compactAfterUpdates: number
	compactAfterBytes: number
	maxAwarenessClientsPerConnection: number
	maxAwarenessStateBytes: number
}

export interface RoomDeps {
	store: RoomStore
	queue: PersistQueue
	bus: RoomBus
	metrics: Metrics
	log: Logger
	limits: RoomLimits
}

/**
 * One loaded room: its Y.Doc (the relay's copy of the map), its connections and awareness. A
 * document update from an editor is applied to the doc, logged for the store, and its original
 * frame relayed to every other connection; nothing is re-encoded on the hot path.
 */
export class Room {
	readonly doc = new Y.Doc({ gc: true })
	readonly conns = new Set<Connection>()
	readonly awareness: AwarenessRelay
	/** Resolves once the stored state is in `doc`. */
	readonly ready: Promise<void>
	private seq = 0
	private snapshotBytes = 0
	private logBytes = 0
	private logCount = 0
	private changed = false
	/** The state vector before the last transaction (to salvage an update that threw half-way). */
	private lastBeforeState: Map<number, number> | null = null
	/**
	 * The whole document encoded, and the sync step 2 frame around it, while nothing changed since
	 * (cleared by every kept update): joiners with an empty state share one encoding.
	 */
	private fullState: Uint8Array | null = null
	private fullStateFrame: Uint8Array | null = null
	private compacting: Promise<void> | null = null
	/** The encoded size when last measured (-1: never), and the log size at that moment. */
	private measuredBytes = -1
	private logBytesAtMeasure = 0
	private readonly membership: RoomBusMembership
	private readonly busKey = {}
	/** Frames from the bus that arrived while the room loaded; handled once it is loaded. */
	private busQueue: Uint8Array[] | null = []

	constructor(
		readonly id: string,
		private readonly deps: RoomDeps
	) {
		this.awareness = new AwarenessRelay({
			maxClientsPerConnection: deps.limits.maxAwarenessClientsPerConnection,
			maxStateBytes: deps.limits.maxAwarenessStateBytes,
		})
		this.doc.on('afterTransaction', (tr: Y.Transaction) => {
			this.changed = tr.deleteSet.clients.size > 0 || stateAdvanced(tr)
			this.lastBeforeState = tr.beforeState
		})
		this.membership = deps.bus.join(id, (frame) => this.receiveFromBus(frame))
		this.ready = deps.store.load(id).then((stored) => {
			this.restore(stored)
			const queued = this.busQueue ?? []
			this.busQueue = null
			for (const frame of queued) this.receiveFromBus(frame)
			// Ask the other relays for what they hold and this store does not.
			this.membership.publish(syncFrame(SYNC_STEP_1, Y.encodeStateVector(this.doc)))
		})
	}

	/** Sends sync step 1 and the present awareness states; then relays the client's messages. */
	add(conn: Connection): void {
		this.conns.add(conn)
		conn.send(syncFrame(SYNC_STEP_1, Y.encodeStateVector(this.doc)))
		const states = this.awareness.snapshotFrame()
		if (states) conn.send(states)
	}

	/** Forgets a closed connection and tells the others its awareness states are gone. */
	remove(conn: Connection): void {
		if (!this.conns.delete(conn)) return
		const frame = this.awareness.removeOwned(conn, conn.owned)
		if (frame) this.broadcast(frame, null, true)
	}

	/** Handles one message of a connection; a malformed one closes that connection only. */
	handle(conn: Connection, data: Uint8Array): void {
		try {
			this.dispatch(conn, data)
		} catch (error) {
			if (error instanceof AwarenessLimitError) return conn.close('awarenessTooLarge')
			this.deps.log.debug('malformed message', { room: this.id, error: String(error) })
			conn.close('malformedMessage')
		}
	}

	/** Removes awareness states not renewed since `before`. */
	sweepAwareness(before: number): void {
		const frame = this.awareness.removeOutdated(before, (owner) =>
			this.conns.has(owner as Connection) ? (owner as Connection).owned : undefined
		)
		if (frame) this.broadcast(frame, null, false)
	}

	/** Whether the log since the last snapshot is long enough to fold into a new snapshot. */
	get needsCompaction(): boolean {
		const { compactAfterUpdates, compactAfterBytes } = this.deps.limits
		return this.logCount >= compactAfterUpdates || this.logBytes >= compactAfterBytes
	}

	get hasLog(): boolean {
		return this.logCount > 0
	}

	/** Writes the whole document as a snapshot replacing the log (after the queue is written). */
	compact(): Promise<void> {
		this.compacting ??= this.deps.queue
			.flush()
			.then(async () => {
				const snapshot = this.encodeFullState()
				const upTo = this.seq
				this.snapshotBytes = snapshot.length
				this.measuredBytes = snapshot.length
				this.logBytes = 0
				this.logBytesAtMeasure = 0
				this.logCount = 0
				await this.deps.store.compact(this.id, snapshot, upTo)
				this.deps.queue.dropCovered(this.id, upTo)
				this.deps.metrics.compactions++
			})
			.finally(() => {
				this.compacting = null
			})
		return this.compacting
	}

	destroy(): void {
		this.membership.leave()
		this.doc.destroy()
	}

	/** The document's encoded size, about: the last measure (or snapshot) plus the log since. */
	private sizeBound(): number {
		if (this.measuredBytes < 0) return this.snapshotBytes + this.logBytes
		return this.measuredBytes + this.logBytes - this.logBytesAtMeasure
	}

	/**
	 * Applies the snapshot and the log in order in one transaction (two to three times faster than
	 * merging them first with `Y.mergeUpdates`); an unreadable entry is skipped, not the rest.
	 */
	private restore(stored: StoredRoom): void {
		const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
		this.doc.transact(() => {
			for (const part of parts) {
				try {
					Y.applyUpdate(this.doc, part)
				} catch (error) {
					this.deps.log.error('skipped an unreadable stored entry', {
						room: this.id,
						bytes: part.length,
						error: String(error),
					})
				}
			}
		})
		this.seq = stored.lastSeq
		this.snapshotBytes = stored.snapshot?.length ?? 0
		this.logCount = stored.updates.length
		this.logBytes = stored.updates.reduce((sum, u) => sum + u.length, 0)
	}

	private dispatch(conn: Connection, data: Uint8Array): void {
		const decoder = decoding.createDecoder(data)
		const type = decoding.readVarUint(decoder)
		switch (type) {
			case messageType.sync: {
				const step = decoding.readVarUint(decoder)
				if (step === SYNC_STEP_1) return this.answerStep1(conn, decoding.readVarUint8Array(decoder))
				if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE)
					throw new Error(`unknown sync step ${step}`)
				const update = decoding.readVarUint8Array(decoder)
				if (conn.role === 'view') return this.deps.metrics.drop('view-write')
				return this.applyUpdate(conn, data, update, step)
			}
			case messageType.awareness: {
				const update = decoding.readVarUint8Array(decoder)
				const result = this.awareness.apply(data, update, conn, conn.owned)
				if (result.duplicates > 0) {
					this.deps.metrics.drop('awareness-duplicate')
					if (result.frame === null) conn.refund(0.95)
				}
				if (result.frame) {
					this.deps.metrics.awarenessUpdates++
					// To the sender too: a stock client drops a connection that brought it nothing for
					// 30 s, and alone in a room its own presence renewal (every 15 s) is all there is.
					this.broadcast(result.frame, null, true)
				}
				return
			}
			case messageType.queryAwareness: {
				const states = this.awareness.snapshotFrame()
				if (states) conn.send(states)
				return
			}
			case messageType.auth:
				return this.deps.metrics.drop('auth')
			default:
				throw new Error(`unknown message type ${type}`)
		}
	}

	private answerStep1(conn: Connection, stateVector: Uint8Array): void {
		let frame: Uint8Array
		if (stateVector.length <= EMPTY_STATE_VECTOR_LENGTH) {
			Y.decodeStateVector(stateVector)
			frame = this.fullStateFrame ??= syncFrame(SYNC_STEP_2, this.encodeFullState())
		} else {
			frame = syncFrame(SYNC_STEP_2, Y.encodeStateAsUpdate(this.doc, stateVector))
		}
		conn.send(frame)
		// A few bytes in, the whole map out: each 64 KiB of answer costs a message more.
		conn.charge(Math.floor(frame.length / 65536))
	}

	/** The whole document encoded, cached until the next change (for joiners and snapshots). */
	private encodeFullState(): Uint8Array {
		return (this.fullState ??= Y.encodeStateAsUpdate(this.doc))
	}

	private forgetEncoding(): void {
		this.fullState = null
		this.fullStateFrame = null
	}

	private applyUpdate(conn: Connection, frame: Uint8Array, update: Uint8Array, step: number): void {
		const { maxDocumentBytes } = this.deps.limits
		if (this.sizeBound() + update.length > maxDocumentBytes) {
			// The bound overstates the size (the log keeps replaced values): measure before refusing,
			// and remember the measure so that the next updates do not measure again.
			this.measuredBytes = this.encodeFullState().length
			this.logBytesAtMeasure = this.logBytes
			if (this.measuredBytes + update.length > maxDocumentBytes)
				return conn.close('documentTooLarge')
		}
		const changed = this.integrate(update, conn)
		if (!changed) return
		let out = frame
		if (step === SYNC_STEP_2) {
			out = Uint8Array.from(frame)
			out[1] = SYNC_UPDATE
		}
		this.broadcast(out, conn, true)
	}

	/**
	 * Applies an update and logs it for the store if it changed anything (also when its parts wait
	 * in the doc's pending structs for missing parents). Returns whether it was kept (and so is to be
	 * relayed).
	 */
	private integrate(update: Uint8Array, origin: object): boolean {
		const pendingBefore = this.doc.store.pendingStructs
		const pendingDsBefore = this.doc.store.pendingDs
		// Read the whole update first (it allocates as it reads): Y.applyUpdate preallocates an array
		// as long as the struct count a frame claims (a 5-byte frame could cost 0.5 s), and it
		// integrates the structs before it reads the deletions, so a bad tail would leave half an
		// update applied.
		Y.decodeUpdate(update)
		this.changed = false
		try {
			Y.applyUpdate(this.doc, update, origin)
		} catch (error) {
			// It may have left structs pending: they are part of the encoded state.
			this.forgetEncoding()
			if (this.changed) this.salvage()
			throw error
		}
		const pendingChanged =
			this.doc.store.pendingStructs !== pendingBefore ||
			this.doc.store.pendingDs !== pendingDsBefore
		if (!this.changed && !pendingChanged) {
			this.deps.metrics.drop('redundant-update')
			return false
		}
		this.keep(update)
		// Relay pending-only updates too: the peers lack the same parents, and once those arrive
		// each side applies what it held (the original frame is all they will ever get of it).
		return true
	}

	/** Logs an update that is now part of the document, for the store. */
	private keep(update: Uint8Array): void {
		this.forgetEncoding()
		this.seq++
		this.deps.queue.push(this.id, this.seq, update)
		this.logBytes += update.length
		this.logCount++
		this.deps.metrics.updates++
		if (this.needsCompaction) void this.compact().catch((error) => this.compactionFailed(error))
	}

	/**
	 * An update that threw half-way still changed the document: store and relay exactly what it
	 * changed, so that the store and every peer keep the relay's state.
	 */
	private salvage(): void {
		const before = this.lastBeforeState
		if (!before) return
		const encoder = encoding.createEncoder()
		encoding.writeVarUint(encoder, before.size)
		for (const [client, clock] of before) {
			encoding.writeVarUint(encoder, client)
			encoding.writeVarUint(encoder, clock)
		}
		const applied = Y.encodeStateAsUpdate(this.doc, encoding.toUint8Array(encoder))
		this.deps.metrics.drop('partial-update-salvaged')
		this.keep(applied)
		this.broadcast(syncFrame(SYNC_UPDATE, applied), null, true)
	}

	private compactionFailed(error: unknown): void {
		this.deps.log.error('compaction failed; the log is kept', {
			room: this.id,
			error: String(error),
		})
	}

	private broadcast(frame: Uint8Array, from: Connection | null, publish: boolean): void {
		if (this.conns.size > 2) {
			const framed = frameOnce(frame)
			for (const conn of this.conns) if (conn !== from) conn.sendFramed(framed, frame.length)
		} else for (const conn of this.conns) if (conn !== from) conn.send(frame)
		if (publish) this.membership.publish(frame)
	}

	/**
	 * A frame another relay process published: apply it here (and log it: each relay keeps a
	 * whole copy in its own store) and relay it to local connections. A sync step 1 is a relay
	 * that just loaded the room asking for what it lacks: answer with an update on the bus.
	 */
	private receiveFromBus(frame: Uint8Array): void {
		if (this.busQueue) {
			this.busQueue.push(frame)
			return
		}
		try {
			const decoder = decoding.createDecoder(frame)
			const type = decoding.readVarUint(decoder)
			if (type === messageType.sync) {
				const step = decoding.readVarUint(decoder)
				const payload = decoding.readVarUint8Array(decoder)
				if (step === SYNC_STEP_1) {
					const missing = Y.encodeStateAsUpdate(this.doc, payload)
					if (missing.length > EMPTY_UPDATE_LENGTH) {
						this.membership.publish(syncFrame(SYNC_UPDATE, missing))
					}
					return
				}
				if (!this.integrate(payload, this.busKey)) return
				if (step === SYNC_STEP_2) frame = syncFrame(SYNC_UPDATE, payload)
			} else if (type === messageType.awareness) {
				const result = this.awareness.apply(
					frame,
					decoding.readVarUint8Array(decoder),
					this.busKey,
					new Set()
				)
				if (!result.frame) return
				frame = result.frame
			} else return
			this.broadcast(frame, null, false)
		} catch (error) {
			this.deps.log.error('unreadable frame from the room bus', {
				room: this.id,
				error: String(error),
			})
		}
	}
}

/** An update with no structs and no deletions (what encodeStateAsUpdate gives when nothing is missing). */
const EMPTY_UPDATE_LENGTH = 2

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, messageType.sync)
	encoding.writeVarUint(encoder, step)
	encoding.writeVarUint8Array(encoder, payload)
	return encoding.toUint8Array(encoder)
}

function stateAdvanced(tr: Y.Transaction): boolean {
	for (const [client, clock] of tr.afterState) if (tr.beforeState.get(client) !== clock) return true
	return false
}
