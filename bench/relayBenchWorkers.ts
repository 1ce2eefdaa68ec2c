/** Starts the client processes of the relay benchmark (`bench/relayBenchWorker.ts`). */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { WorkerRequest } from './relayBenchWorker'

const WORKER_SCRIPT = fileURLToPath(new URL('./relayBenchWorker.ts', import.meta.url))

export interface BenchWorker {
	request<T>(request: WorkerRequest): Promise<T>
	stop(): void
}

function startWorker(): Promise<BenchWorker> {
	const child: ChildProcess = fork(WORKER_SCRIPT, [], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	})
	let nextId = 0
	const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>()
	child.on('message', (message: { id?: number; error?: string }) => {
		if (message.id === undefined) return
		const waiter = pending.get(message.id)
		pending.delete(message.id)
		if (message.error) waiter?.reject(new Error(`bench worker: ${message.error}`))
		else waiter?.resolve(message)
	})
	child.on('exit', (code) => {
		for (const waiter of pending.values()) waiter.reject(new Error(`bench worker exited (${code})`))
		pending.clear()
	})
	const worker: BenchWorker = {
		request<T>(request: WorkerRequest) {
			const id = nextId++
			return new Promise<T>((resolve, reject) => {
				pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
				child.send({ ...request, id })
			})
		},
		stop() {
			child.disconnect()
		},
	}
	return new Promise((resolve, reject) => {
		child.once('message', () => resolve(worker))
		child.once('exit', (code) => reject(new Error(`bench worker exited at start (${code})`)))
	})
}

/** `count` client processes, each loaded and waiting for requests. */
export function startWorkers(count: number): Promise<BenchWorker[]> {
	return Promise.all(Array.from({ length: count }, startWorker))
}
