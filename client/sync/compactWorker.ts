/// <reference lib="webworker" />
import * as Y from 'yjs'
import type { CompactAnswer, CompactRequest } from './compactInWorker'

/**
 * Folds a room's log entries on this device into its snapshot, off the page's main thread: for a
 * large map, rebuilding and encoding the whole document takes a tenth of a second or more, which
 * on the page would be a visible stall while people draw. One IndexedDB transaction reads the
 * snapshot and the entries, writes the new snapshot and deletes the entries, so a page closed
 * midway leaves the copy as it was. Entries that are not Yjs updates are skipped (the page kept
 * them aside when it loaded them).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope

function openDb(name: string): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(name)
		request.onsuccess = () => resolve(request.result)
		request.onerror = () => reject(request.error)
	})
}

function fold(db: IDBDatabase, request: CompactRequest): Promise<void> {
	return new Promise((resolve, reject) => {
		const transaction = db.transaction(request.storeName, 'readwrite')
		const store = transaction.objectStore(request.storeName)
		const keys: IDBValidKey[] = [request.key, ...request.folded]
		const values: unknown[] = new Array(keys.length)
		let read = 0
		keys.forEach((key, i) => {
			const get = store.get(key)
			get.onsuccess = () => {
				values[i] = get.result
				if (++read < keys.length) return
				const doc = new Y.Doc()
				for (const value of values) {
					if (!(value instanceof Uint8Array)) continue
					try {
						Y.applyUpdate(doc, value)
					} catch {
						// Unreadable: kept aside by the page when it loaded the copy.
					}
				}
				store.put(Y.encodeStateAsUpdate(doc), request.key)
				for (const entryKey of request.folded) store.delete(entryKey)
				doc.destroy()
			}
		})
		transaction.oncomplete = () => resolve()
		transaction.onerror = () => reject(transaction.error)
		transaction.onabort = () => reject(transaction.error ?? new Error('compaction aborted'))
	})
}

const databases = new Map<string, Promise<IDBDatabase>>()

scope.onmessage = async (event: MessageEvent<CompactRequest>) => {
	const request = event.data
	let answer: CompactAnswer
	try {
		let db = databases.get(request.dbName)
		if (!db) {
			db = openDb(request.dbName)
			databases.set(request.dbName, db)
		}
		await fold(await db, request)
		answer = { id: request.id, ok: true }
	} catch (error) {
		answer = { id: request.id, ok: false, error: String(error) }
	}
	scope.postMessage(answer)
}
