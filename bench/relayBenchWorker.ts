/**
 * A process of stock y-websocket clients for `bench/relay.bench.ts`, so that applying what the
 * server sends costs this process's CPU, not the benchmark's (and several of them use both cores,
 * as separate browsers would). `node --import tsx bench/relayBenchWorker.ts`; talks over IPC: sends
 * `{ ready: true }` once loaded, then answers each request `{ id, task, ... }` with `{ id, ... }`.
 *
 * - `fanOut` (port, room, clients, writers): joins a room, each writer adds its shape; `start`
 *   makes each writer move its shape 20 times a second, `finish` stops them and reports
 *   latencies (writer's change to each other client's observer), delivered and expected frames.
 * - `awareness` (port, room, clients, total): joins a room and sets a presence; `start` changes
 *   each presence 10 times a second, `finish` reports latencies, delivered and expected changes.
 * - `join` (port, room, count, records): `count` clients join at once; reports each one's time
 *   from the request to `synced`, how many hold all `records` records, and how many connections
 *   were lost before `synced`.
 * Latencies are measured inside this process (writer and observers share a clock).
 */
import * as Y from 'yjs'
import {
	closeAll,
	newClient,
	shapeRecord,
	sleep,
	startPeriodic,
	waitFor,
	type Client,
} from './relayBenchClients'

export type WorkerRequest =
	| { task: 'fanOut'; port: number; room: string; clients: number; writers: number }
	| { task: 'awareness'; port: number; room: string; clients: number; total: number }
	| { task: 'join'; port: number; room: string; count: number; records: number }
	| { task: 'start' }
	| { task: 'finish' }

export interface WorkerFrames {
	latencies: number[]
	delivered: number
	expected: number
}

export interface WorkerJoins {
	syncedLatencies: number[]
	complete: number
	/** Connections a joiner lost before it synced (a stock client drops one silent for 30 s). */
	reconnects: number
}

interface Session {
	start(): void
	finish(): Promise<WorkerFrames>
}

let session: Session | null = null

async function fanOutRoom(port: number, room: string, count: number, writerCount: number) {
	const clients = Array.from({ length: count }, () => newClient(port, room))
	await Promise.all(clients.map((c) => c.synced))
	const writers = clients.slice(0, writerCount)
	writers.forEach((w, i) =>
		w.doc.getMap('records').set(`shape:w${i}`, shapeRecord(`shape:w${i}`, i))
	)
	await waitFor(() => clients.every((c) => c.doc.getMap('records').size === writerCount), 20_000)
	const sentAt = writers.map(() => [] as number[])
	const latencies: number[] = []
	let delivered = 0
	let expected = 0
	for (const c of clients) {
		writers.forEach((w, i) => {
			if (w === c) return
			const fields = c.doc.getMap('records').get(`shape:w${i}`) as Y.Map<unknown>
			fields.observe((event) => {
				if (!event.keysChanged.has('x')) return
				const sent = sentAt[i]![fields.get('x') as number]
				if (sent === undefined) return
				latencies.push(performance.now() - sent)
				delivered++
			})
		})
	}
	const moves = writers.map((w, i) => {
		const fields = w.doc.getMap('records').get(`shape:w${i}`) as Y.Map<unknown>
		let seq = 0
		return () => {
			seq++
			sentAt[i]![seq] = performance.now()
			expected += count - 1
			w.doc.transact(() => {
				fields.set('x', seq)
				fields.set('y', seq)
			})
		}
	})
	return periodicSession(clients, moves, 50, () => ({ latencies, delivered, expected }))
}

async function awarenessGroup(port: number, room: string, count: number, total: number) {
	const clients = Array.from({ length: count }, () => newClient(port, room))
	await Promise.all(clients.map((c) => c.synced))
	clients.forEach((c, i) =>
		c.provider.awareness.setLocalState({ user: { name: `P${i}` }, seq: 0, t: 0 })
	)
	await waitFor(() => clients.every((c) => c.provider.awareness.getStates().size === total), 20_000)
	const latencies: number[] = []
	let delivered = 0
	let expected = 0
	for (const c of clients) {
		const lastSeq = new Map<number, number>()
		c.provider.awareness.on('change', ({ updated }: { updated: number[] }) => {
			const now = performance.now()
			for (const id of updated) {
				if (id === c.doc.clientID) continue
				const state = c.provider.awareness.getStates().get(id) as
					{ seq?: number; t?: number } | undefined
				if (!state?.seq || !state.t || (lastSeq.get(id) ?? 0) >= state.seq) continue
				lastSeq.set(id, state.seq)
				latencies.push(now - state.t)
				delivered++
			}
		})
	}
	const moves = clients.map((c, i) => {
		let seq = 0
		return () => {
			seq++
			expected += total - 1
			c.provider.awareness.setLocalState({
				user: { name: `P${i}` },
				cursor: { x: seq, y: seq },
				seq,
				t: performance.now(),
			})
		}
	})
	return periodicSession(clients, moves, 100, () => ({ latencies, delivered, expected }))
}

function periodicSession(
	clients: Client[],
	tasks: (() => void)[],
	periodMs: number,
	frames: () => WorkerFrames
): Session {
	let stop = () => {}
	return {
		start() {
			stop = startPeriodic(tasks, periodMs)
		},
		async finish() {
			stop()
			await waitFor(() => frames().delivered >= frames().expected, 3000)
			const result = frames()
			closeAll(clients)
			return result
		},
	}
}

async function join(port: number, room: string, count: number, records: number) {
	const start = performance.now()
	const joiners = Array.from({ length: count }, () => newClient(port, room))
	const syncedLatencies: number[] = []
	let complete = 0
	let reconnects = 0
	for (const j of joiners)
		j.provider.on('connection-close', () => {
			if (!j.provider.synced) reconnects++
		})
	await Promise.all(
		joiners.map((j) =>
			Promise.race([
				j.synced.then(() => {
					syncedLatencies.push(performance.now() - start)
					if (j.doc.getMap('records').size === records) complete++
				}),
				sleep(60_000),
			])
		)
	)
	closeAll(joiners)
	return { syncedLatencies, complete, reconnects } satisfies WorkerJoins
}

async function handle(request: WorkerRequest): Promise<unknown> {
	switch (request.task) {
		case 'fanOut':
			session = await fanOutRoom(request.port, request.room, request.clients, request.writers)
			return {}
		case 'awareness':
			session = await awarenessGroup(request.port, request.room, request.clients, request.total)
			return {}
		case 'join':
			return join(request.port, request.room, request.count, request.records)
		case 'start':
			session?.start()
			return {}
		case 'finish': {
			const result = (await session?.finish()) ?? { latencies: [], delivered: 0, expected: 0 }
			session = null
			return result
		}
	}
}

// Every stock provider adds a process 'exit' listener.
process.setMaxListeners(0)
process.on('message', (message: WorkerRequest & { id: number }) => {
	void handle(message).then(
		(result) => process.send?.({ id: message.id, ...(result as object) }),
		(error: unknown) => process.send?.({ id: message.id, error: String(error) })
	)
})
process.on('disconnect', () => process.exit(0))
process.send?.({ ready: true })
