import { createStore, promisifyRequest, set, type UseStore } from 'idb-keyval'
import * as Y from 'yjs'
import { compactInWorker } from './compactInWorker'
import { DEVICE_ORIGIN } from './origins'

/** Pending changes are written this long after the last one, and at least this often. */
const WRITE_DELAY_MS = 300
const WRITE_MAX_WAIT_MS = 1000
/** The log is folded into the snapshot after this many entries, or when the map is quiet. */
const COMPACT_AFTER_ENTRIES = 64
const COMPACT_WHEN_QUIET_MS = 4000
/** Longest wait for an idle moment before a due write or compaction runs anyway. */
const IDLE_WAIT_MS = 1000

/**
 * Runs `work` when the page is idle (after the frame being drawn, before input is late), so a
 * save or a compaction does not land in the middle of a peer's changes being drawn.
 */
function whenIdle(work: () => void, timeout: number) {
	if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout })
	else setTimeout(work, 0)
}

const DB_NAME = 'delivery-map'
const STORE_NAME = 'docs'
let idbStore: UseStore | null = null
function deviceStore(): UseStore {
	idbStore ??= createStore(DB_NAME, STORE_NAME)
	return idbStore
}

/** The key of a room's saved document on this device. */
export function deviceKeyOf(kind: 'edit' | 'view', roomId: string): string {
	return `${kind}:${roomId}`
}

export interface DeviceLoadResult {
	/** True when a saved copy was found and applied. */
	loaded: boolean
	/** Set when (part of) a saved copy could not be read; it is kept aside under `backupKey`. */
	problem?: string
	backupKey?: string
}

type LogKey = [string, number, number]

function logRange(key: string) {
	// Array keys sort element by element, and any array sorts after every number and string.
	return IDBKeyRange.bound([key], [key, []])
}

/**
 * One room's copy on this device (IndexedDB through idb-keyval): a snapshot (the whole document
 * as one update) plus a short log of the changes since, one entry per write batch, keyed
 * `[room, clientID, seq]` so two tabs never overwrite each other's entries. The log is folded
 * into a fresh snapshot after COMPACT_AFTER_ENTRIES entries or once the map has been quiet, so
 * the store holds a compact copy, not an entry per keystroke, and a busy map never pays for
 * re-encoding the whole document on every change.
 */
export class DocPersister {
	private pending: Uint8Array[] = []
	private writeTimer: ReturnType<typeof setTimeout> | null = null
	private quietTimer: ReturnType<typeof setTimeout> | null = null
	private firstPendingAt = 0
	private seq = 0
	/** Log entries this persister may fold away: its own, and those it read at load. */
	private foldable: LogKey[] = []
	private chain: Promise<void> = Promise.resolve()
	private listening = false

	constructor(
		readonly key: string,
		readonly doc: Y.Doc
	) {}

	/** Applies the saved copy to the doc, then starts saving changes. Never throws. */
	async load(): Promise<DeviceLoadResult> {
		const result = await this.readSavedCopy()
		this.listen()
		if (this.foldable.length > 0) this.scheduleQuietCompaction()
		return result
	}

	private async readSavedCopy(): Promise<DeviceLoadResult> {
		let snapshot: unknown
		let logKeys: LogKey[] = []
		let logValues: unknown[] = []
		try {
			;[snapshot, logKeys, logValues] = await deviceStore()('readonly', (store) =>
				Promise.all([
					promisifyRequest(store.get(this.key)),
					promisifyRequest(store.getAllKeys(logRange(this.key))) as Promise<LogKey[]>,
					promisifyRequest(store.getAll(logRange(this.key))),
				])
			)
		} catch (error) {
			return {
				loaded: false,
				problem: `This device's storage could not be opened (${String(error)}).`,
			}
		}
		const unreadable: unknown[] = []
		let loaded = false
		for (const value of [snapshot, ...logValues]) {
			if (value === undefined) continue
			try {
				if (!(value instanceof Uint8Array)) throw new Error('not a Yjs update')
				Y.applyUpdate(this.doc, value, DEVICE_ORIGIN)
				loaded = true
			} catch {
				unreadable.push(value)
			}
		}
		this.foldable = logKeys
		if (unreadable.length === 0) return { loaded }
		// Keep what could not be read rather than fold it away with the next compaction.
		const backupKey = `${this.key}:unreadable:${Date.now()}`
		await set(backupKey, unreadable, deviceStore()).catch(() => undefined)
		return {
			loaded,
			problem: 'Part of the copy of this map saved on this device could not be read.',
			backupKey,
		}
	}

	private listen() {
		if (this.listening) return
		this.listening = true
		this.doc.on('update', this.onUpdate)
		window.addEventListener('pagehide', this.flushNow)
		document.addEventListener('visibilitychange', this.onVisibility)
	}

	private onUpdate = (update: Uint8Array, origin: unknown) => {
		if (origin === DEVICE_ORIGIN) return
		this.pending.push(update)
		const now = Date.now()
		if (this.writeTimer === null) this.firstPendingAt = now
		else clearTimeout(this.writeTimer)
		const wait = Math.min(
			WRITE_DELAY_MS,
			Math.max(0, this.firstPendingAt + WRITE_MAX_WAIT_MS - now)
		)
		this.writeTimer = setTimeout(() => whenIdle(this.flushNow, IDLE_WAIT_MS), wait)
		this.scheduleQuietCompaction()
	}

	private onVisibility = () => {
		if (document.visibilityState === 'hidden') void this.flushNow()
	}

	private scheduleQuietCompaction() {
		if (this.quietTimer !== null) clearTimeout(this.quietTimer)
		this.quietTimer = setTimeout(() => {
			this.quietTimer = null
			if (this.foldable.length > 0) whenIdle(() => void this.compact(), IDLE_WAIT_MS)
		}, COMPACT_WHEN_QUIET_MS)
	}

	/** Appends the changes made since the last write to the log (one small entry). */
	flushNow = (): Promise<void> => {
		if (this.writeTimer !== null) clearTimeout(this.writeTimer)
		this.writeTimer = null
		if (this.pending.length === 0) return this.chain
		const merged = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
		this.pending = []
		const entryKey: LogKey = [this.key, this.doc.clientID, ++this.seq]
		this.chain = this.chain
			.then(() => set(entryKey, merged, deviceStore()))
			.then(() => {
				this.foldable.push(entryKey)
				if (this.foldable.length >= COMPACT_AFTER_ENTRIES) {
					whenIdle(() => void this.compact(), IDLE_WAIT_MS)
				} else if (this.quietTimer === null) {
					// The quiet timer went off while this write was still on its way (a large map's
					// first write, on a busy page) and found nothing to fold: start it again, or the
					// copy stayed a log entry until the map was next opened.
					this.scheduleQuietCompaction()
				}
			})
			.catch((error: unknown) => {
				console.error('Delivery Map: could not save changes on this device', error)
			})
		return this.chain
	}

	/** Folds the log into a new snapshot of the whole document, in one IndexedDB transaction. */
	compact(): Promise<void> {
		this.chain = this.chain
			.then(() => this.compactNow())
			.catch((error: unknown) => {
				console.error('Delivery Map: could not compact the copy on this device', error)
			})
		return this.chain
	}

	private async compactNow(): Promise<void> {
		const folded = this.foldable
		this.foldable = []
		if (folded.length === 0) return
		try {
			// Off the main thread when possible: encoding a large map stalls drawing.
			await compactInWorker({ dbName: DB_NAME, storeName: STORE_NAME, key: this.key, folded })
			return
		} catch {
			// No worker (or it failed and changed nothing): fold on the page instead.
		}
		// The snapshot holds everything in the doc, including what is still pending.
		this.pending = []
		if (this.writeTimer !== null) clearTimeout(this.writeTimer)
		this.writeTimer = null
		const snapshot = Y.encodeStateAsUpdate(this.doc)
		try {
			await deviceStore()('readwrite', (store) => {
				store.put(snapshot, this.key)
				for (const entryKey of folded) store.delete(entryKey)
				return promisifyRequest(store.transaction)
			})
		} catch (error) {
			this.foldable = [...folded, ...this.foldable]
			throw error
		}
	}

	/** Writes what is pending and stops listening. */
	async destroy(): Promise<void> {
		this.doc.off('update', this.onUpdate)
		window.removeEventListener('pagehide', this.flushNow)
		document.removeEventListener('visibilitychange', this.onVisibility)
		if (this.quietTimer !== null) clearTimeout(this.quietTimer)
		await this.flushNow()
	}
}
