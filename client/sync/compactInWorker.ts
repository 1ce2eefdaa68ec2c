/** Messages between the page and client/sync/compactWorker.ts. */
export interface CompactRequest {
	id: number
	dbName: string
	storeName: string
	/** Key of the room's snapshot. */
	key: string
	/** Keys of the log entries to fold into it and delete. */
	folded: IDBValidKey[]
}

export type CompactAnswer = { id: number; ok: true } | { id: number; ok: false; error: string }

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>()

function compactWorker(): Worker | null {
	if (worker) return worker
	if (typeof Worker !== 'function') return null
	try {
		worker = new Worker(new URL('./compactWorker.ts', import.meta.url), { type: 'module' })
	} catch {
		return null
	}
	worker.onmessage = (event: MessageEvent<CompactAnswer>) => {
		const answer = event.data
		const waiter = waiting.get(answer.id)
		waiting.delete(answer.id)
		if (!waiter) return
		if (answer.ok) waiter.resolve()
		else waiter.reject(new Error(answer.error))
	}
	worker.onerror = (event) => {
		// A worker that cannot start (or crashed): fail what waits; the page compacts itself.
		event.preventDefault()
		for (const waiter of waiting.values()) waiter.reject(new Error('compaction worker failed'))
		waiting.clear()
		worker?.terminate()
		worker = null
		unavailable = true
	}
	return worker
}

let unavailable = false

/**
 * Folds `folded` log entries into the snapshot under `key` in a worker. Resolves when the new
 * snapshot is written; rejects if the worker is unavailable or the write failed (nothing changed).
 */
export function compactInWorker(request: Omit<CompactRequest, 'id'>): Promise<void> {
	const target = unavailable ? null : compactWorker()
	if (!target) return Promise.reject(new Error('no compaction worker'))
	const id = ++nextId
	return new Promise<void>((resolve, reject) => {
		waiting.set(id, { resolve, reject })
		target.postMessage({ ...request, id } satisfies CompactRequest)
	})
}
