import { createStore, del, get, set, type UseStore } from 'idb-keyval'
import * as Y from 'yjs'
import { DEVICE_ORIGIN } from './origins'

const SAVE_DELAY_MS = 400
const SAVE_MAX_WAIT_MS = 3000

let idbStore: UseStore | null = null
function deviceStore(): UseStore {
	idbStore ??= createStore('delivery-map', 'docs')
	return idbStore
}

/** The key of a room's saved document on this device. */
export function deviceKeyOf(kind: 'edit' | 'view', roomId: string): string {
	return `${kind}:${roomId}`
}

export interface DeviceLoadResult {
	/** True when a saved copy was found and applied. */
	loaded: boolean
	/** Set when a saved copy existed but could not be read; it is kept under `backupKey`. */
	problem?: string
	backupKey?: string
}

/** Applies this device's saved copy of a room (IndexedDB) to `doc`. Never throws. */
export async function loadDocFromDevice(key: string, doc: Y.Doc): Promise<DeviceLoadResult> {
	let saved: unknown
	try {
		saved = await get(key, deviceStore())
	} catch (error) {
		return { loaded: false, problem: `This device's storage could not be opened: ${String(error)}` }
	}
	if (saved === undefined) return { loaded: false }
	try {
		if (!(saved instanceof Uint8Array)) throw new Error('not a Yjs update')
		Y.applyUpdate(doc, saved, DEVICE_ORIGIN)
		return { loaded: true }
	} catch (error) {
		// Keep the unreadable copy rather than overwrite it with the next save.
		const backupKey = `${key}:unreadable:${Date.now()}`
		await set(backupKey, saved, deviceStore()).catch(() => undefined)
		return {
			loaded: false,
			problem: `The copy of this map saved on this device could not be read (${String(error)}).`,
			backupKey,
		}
	}
}

/** Deletes a room's saved copy (used by tests and "forget this map"). */
export async function forgetDocOnDevice(key: string): Promise<void> {
	await del(key, deviceStore())
}

/**
 * Saves `doc` to IndexedDB after changes: one entry per room holding the whole document encoded
 * as a single update (compacted on every save), written at most every SAVE_DELAY_MS while idle and
 * at least every SAVE_MAX_WAIT_MS while busy, and at once when the page is hidden.
 */
export class DocPersister {
	private timer: ReturnType<typeof setTimeout> | null = null
	private firstPendingAt = 0
	private saving: Promise<void> = Promise.resolve()
	private dirty = false

	constructor(
		readonly key: string,
		readonly doc: Y.Doc
	) {
		doc.on('update', this.onUpdate)
		window.addEventListener('pagehide', this.flushNow)
		document.addEventListener('visibilitychange', this.onVisibility)
	}

	private onUpdate = (_update: Uint8Array, origin: unknown) => {
		if (origin === DEVICE_ORIGIN) return
		this.dirty = true
		const now = Date.now()
		if (this.timer === null) this.firstPendingAt = now
		else clearTimeout(this.timer)
		const wait = Math.min(SAVE_DELAY_MS, Math.max(0, this.firstPendingAt + SAVE_MAX_WAIT_MS - now))
		this.timer = setTimeout(this.flushNow, wait)
	}

	private onVisibility = () => {
		if (document.visibilityState === 'hidden') void this.flushNow()
	}

	/** Writes the document now if it changed since the last save. */
	flushNow = (): Promise<void> => {
		if (this.timer !== null) clearTimeout(this.timer)
		this.timer = null
		if (!this.dirty) return this.saving
		this.dirty = false
		const bytes = Y.encodeStateAsUpdate(this.doc)
		this.saving = this.saving
			.then(() => set(this.key, bytes, deviceStore()))
			.catch((error: unknown) => {
				this.dirty = true
				console.error('Delivery Map: could not save this map on this device', error)
			})
		return this.saving
	}

	async destroy(): Promise<void> {
		this.doc.off('update', this.onUpdate)
		window.removeEventListener('pagehide', this.flushNow)
		document.removeEventListener('visibilitychange', this.onVisibility)
		await this.flushNow()
	}
}
