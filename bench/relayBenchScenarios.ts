/**
 * The three scenarios of `bench/relay.bench.ts`. The stock y-websocket clients that are measured
 * run in client processes (`bench/relayBenchWorker.ts`), so that the server under test competes
 * with them for the cores as it would with browsers, and not with one process applying everybody's
 * state in a row; this process seeds rooms, times raw sockets and reads the server's CPU.
 */
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { newRoomId } from '../shared/roomId'
import { closeAll, newClient, shapeRecord, sleep, waitFor } from './relayBenchClients'
import type { Usage } from './relayBenchServer'
import type { WorkerFrames, WorkerJoins } from './relayBenchWorker'
import type { BenchWorker } from './relayBenchWorkers'

export { sleep }

export type Kind = 'reference' | 'ours'

export interface Server {
	kind: Kind
	port: number
	usage(): Promise<Usage>
	stop(): Promise<void>
}

export interface RunResult {
	latencies: number[]
	/** Join storm only: stock clients' time to `synced` (the state arrived and was applied). */
	syncedLatencies?: number[]
	/** Join storm only: connections stock joiners lost before `synced`. */
	reconnects?: number
	lost: number
	delivered: number
	cpuMicros: number
	systemMicros: number
	maxRssBytes: number
}

/** Client processes the scenarios need: one per fan-out room. */
export const WORKERS = 4

const quick = process.env.BENCH_QUICK === '1'
const FANOUT_SECONDS = quick ? 3 : 10
const AWARENESS_SECONDS = quick ? 2 : 5

/** Runs `groups` (already set up in their workers) for `seconds`, and reads the server's CPU. */
async function measureGroups(
	server: Server,
	groups: BenchWorker[],
	seconds: number
): Promise<RunResult> {
	await sleep(200)
	const before = await server.usage()
	await Promise.all(groups.map((w) => w.request({ task: 'start' })))
	await sleep(seconds * 1000)
	const results = await Promise.all(groups.map((w) => w.request<WorkerFrames>({ task: 'finish' })))
	const after = await server.usage()
	const delivered = results.reduce((s, r) => s + r.delivered, 0)
	return {
		latencies: results.flatMap((r) => r.latencies),
		lost: results.reduce((s, r) => s + r.expected, 0) - delivered,
		delivered,
		cpuMicros: after.cpuMicros - before.cpuMicros,
		systemMicros: after.systemMicros - before.systemMicros,
		maxRssBytes: after.maxRssBytes,
	}
}

/** 4 rooms x 25 clients, one client process a room; 5 writers a room move a shape at 20 Hz. */
export async function fanOut(server: Server, workers: BenchWorker[]): Promise<RunResult> {
	const rooms = workers.slice(0, 4)
	await Promise.all(
		rooms.map((w) =>
			w.request({ task: 'fanOut', port: server.port, room: newRoomId(), clients: 25, writers: 5 })
		)
	)
	return measureGroups(server, rooms, FANOUT_SECONDS)
}

/** 50 clients in one room (in one client process) change their presence at 10 Hz. */
export async function awareness(server: Server, workers: BenchWorker[]): Promise<RunResult> {
	const group = workers.slice(0, 1)
	await group[0]!.request({
		task: 'awareness',
		port: server.port,
		room: newRoomId(),
		clients: 50,
		total: 50,
	})
	await sleep(300)
	return measureGroups(server, group, AWARENESS_SECONDS)
}

export async function joinStorm(server: Server, workers: BenchWorker[]): Promise<RunResult> {
	const RECORDS = 5000
	const EDITS = 10_000
	const JOINERS = 20
	const room = newRoomId()
	const seeder = newClient(server.port, room)
	await seeder.synced
	const records = seeder.doc.getMap('records')
	for (let batch = 0; batch < 10; batch++) {
		seeder.doc.transact(() => {
			for (let i = batch * 500; i < (batch + 1) * 500; i++)
				records.set(`shape:${i}`, shapeRecord(`shape:${i}`, i))
		})
		await sleep(20)
	}
	for (let batch = 0; batch < 10; batch++) {
		seeder.doc.transact(() => {
			for (let e = 0; e < EDITS / 10; e++) {
				const fields = records.get(`shape:${(batch * 1000 + e * 7) % RECORDS}`) as Y.Map<unknown>
				fields.set('x', e)
			}
		})
		await sleep(20)
	}
	// Make sure the server holds everything, then change one field so no cached state is warm.
	const probe = newClient(server.port, room)
	await probe.synced
	await waitFor(() => probe.doc.getMap('records').size === RECORDS, 30_000)
	closeAll([probe])
	;(records.get('shape:0') as Y.Map<unknown>).set('x', -1)
	await sleep(500)
	const before = await server.usage()
	// 1. Raw joiners that only time the arrival of the state (the server's part of a join).
	const delivered = await rawJoiners(server.port, room, JOINERS)
	const check = new Y.Doc()
	if (delivered.sample) Y.applyUpdate(check, delivered.sample)
	const rawComplete = check.getMap('records').size === RECORDS ? delivered.latencies.length : 0
	// 2. Stock clients joining at once, spread over the client processes, timed to `synced`.
	;(records.get('shape:0') as Y.Map<unknown>).set('x', -2)
	await sleep(300)
	const perWorker = JOINERS / workers.length
	const joins = await Promise.all(
		workers.map((w) =>
			w.request<WorkerJoins>({
				task: 'join',
				port: server.port,
				room,
				count: perWorker,
				records: RECORDS,
			})
		)
	)
	const after = await server.usage()
	closeAll([seeder])
	const complete = joins.reduce((s, j) => s + j.complete, 0)
	return {
		latencies: delivered.latencies,
		syncedLatencies: joins.flatMap((j) => j.syncedLatencies),
		reconnects: joins.reduce((s, j) => s + j.reconnects, 0),
		lost: 2 * JOINERS - complete - rawComplete,
		delivered: 2 * JOINERS,
		cpuMicros: after.cpuMicros - before.cpuMicros,
		systemMicros: after.systemMicros - before.systemMicros,
		maxRssBytes: after.maxRssBytes,
	}
}

/** `count` websockets that send an empty sync step 1 at once and time the sync step 2 reply. */
async function rawJoiners(port: number, room: string, count: number) {
	const step1 = Uint8Array.of(0, 0, 1, 0)
	const start = performance.now()
	const latencies: number[] = []
	let sample: Uint8Array | null = null
	await Promise.all(
		Array.from({ length: count }, () => {
			const ws = new WebSocket(`ws://127.0.0.1:${port}/sync/${room}`)
			return new Promise<void>((resolve) => {
				const timer = setTimeout(() => finish(), 60_000)
				const finish = () => {
					clearTimeout(timer)
					ws.terminate()
					resolve()
				}
				ws.on('open', () => ws.send(step1))
				ws.on('message', (data: Buffer) => {
					// sync (0), step 2 (1): the whole state.
					if (data[0] !== 0 || data[1] !== 1) return
					latencies.push(performance.now() - start)
					if (!sample) {
						const decoder = decoding.createDecoder(data)
						decoding.readVarUint(decoder)
						decoding.readVarUint(decoder)
						sample = decoding.readVarUint8Array(decoder)
					}
					finish()
				})
				ws.on('error', finish)
			})
		})
	)
	return { latencies, sample: sample as Uint8Array | null }
}
