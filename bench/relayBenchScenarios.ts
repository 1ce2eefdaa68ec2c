/** The three scenarios of `bench/relay.bench.ts`, with stock y-websocket clients in this process. */
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { newRoomId } from '../shared/roomId'
import type { Usage } from './relayBenchServer'

export type Kind = 'reference' | 'ours'

export interface Server {
	kind: Kind
	port: number
	usage(): Promise<Usage>
	stop(): Promise<void>
}

export interface RunResult {
	latencies: number[]
	/** Join storm only: stock clients' time to `synced` (bound by applying the state here). */
	syncedLatencies?: number[]
	lost: number
	delivered: number
	cpuMicros: number
	systemMicros: number
	maxRssBytes: number
}

const quick = process.env.BENCH_QUICK === '1'
const FANOUT_SECONDS = quick ? 3 : 10
const AWARENESS_SECONDS = quick ? 2 : 5

interface Client {
	doc: Y.Doc
	provider: WebsocketProvider
	synced: Promise<void>
}

function newClient(port: number, room: string): Client {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	// The relay tells view clients their role with message 100; editors never get it.
	const synced = new Promise<void>((resolve) =>
		provider.on('sync', (state: boolean) => {
			if (state) resolve()
		})
	)
	return { doc, provider, synced }
}

function closeAll(clients: Client[]): void {
	for (const c of clients) {
		c.provider.destroy()
		c.doc.destroy()
	}
}

function shapeRecord(id: string, i: number): Y.Map<unknown> {
	const fields = new Y.Map<unknown>()
	fields.set('id', id)
	fields.set('typeName', 'shape')
	fields.set('type', 'milestone')
	fields.set('parentId', 'page:page')
	fields.set('index', `a${i}`)
	fields.set('x', i * 10)
	fields.set('y', i * 5)
	fields.set('rotation', 0)
	const props = new Y.Map<unknown>()
	props.set('w', 200)
	props.set('h', 120)
	props.set('title', `Milestone ${i}`)
	props.set('status', 'planned')
	fields.set('props', props)
	fields.set('meta', new Y.Map<unknown>())
	return fields
}

/** Runs each task every `periodMs`, their phases spread over the period; returns a stop function. */
function startPeriodic(tasks: (() => void)[], periodMs: number): () => void {
	const handles: NodeJS.Timeout[] = []
	let stopped = false
	tasks.forEach((task, i) => {
		const offset = (periodMs * i) / tasks.length
		handles.push(
			setTimeout(() => {
				if (stopped) return
				task()
				handles.push(setInterval(task, periodMs))
			}, offset)
		)
	})
	return () => {
		stopped = true
		for (const handle of handles) clearInterval(handle)
	}
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const start = performance.now()
	while (!check()) {
		if (performance.now() - start > timeoutMs) return false
		await sleep(20)
	}
	return true
}

export async function fanOut(server: Server): Promise<RunResult> {
	const ROOMS = 4
	const CLIENTS = 25
	const WRITERS = 5
	const clients: Client[] = []
	const latencies: number[] = []
	let delivered = 0
	let expected = 0
	const starters: (() => void)[] = []
	for (let r = 0; r < ROOMS; r++) {
		const room = newRoomId()
		const roomClients = Array.from({ length: CLIENTS }, () => newClient(server.port, room))
		clients.push(...roomClients)
		await Promise.all(roomClients.map((c) => c.synced))
		const writers = roomClients.slice(0, WRITERS)
		writers.forEach((w, i) =>
			w.doc.getMap('records').set(`shape:w${i}`, shapeRecord(`shape:w${i}`, i))
		)
		await waitFor(() => roomClients.every((c) => c.doc.getMap('records').size === WRITERS), 20_000)
		const sentAt = writers.map(() => [] as number[])
		for (const c of roomClients) {
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
		writers.forEach((w, i) => {
			const fields = w.doc.getMap('records').get(`shape:w${i}`) as Y.Map<unknown>
			let seq = 0
			const move = () => {
				seq++
				sentAt[i]![seq] = performance.now()
				expected += CLIENTS - 1
				w.doc.transact(() => {
					fields.set('x', seq)
					fields.set('y', seq)
				})
			}
			starters.push(move)
		})
	}
	await sleep(200)
	const before = await server.usage()
	const stopWriters = startPeriodic(starters, 50)
	await sleep(FANOUT_SECONDS * 1000)
	stopWriters()
	await waitFor(() => delivered >= expected, 3000)
	const after = await server.usage()
	closeAll(clients)
	return {
		latencies,
		lost: expected - delivered,
		delivered,
		cpuMicros: after.cpuMicros - before.cpuMicros,
		systemMicros: after.systemMicros - before.systemMicros,
		maxRssBytes: after.maxRssBytes,
	}
}

export async function joinStorm(server: Server): Promise<RunResult> {
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
	// 2. Stock clients joining at once, timed to `synced` (mostly this process applying 1.7 MB each).
	;(records.get('shape:0') as Y.Map<unknown>).set('x', -2)
	await sleep(300)
	const start = performance.now()
	const joiners = Array.from({ length: JOINERS }, () => newClient(server.port, room))
	const syncedLatencies: number[] = []
	let complete = 0
	await Promise.all(
		joiners.map((j) =>
			Promise.race([
				j.synced.then(() => {
					syncedLatencies.push(performance.now() - start)
					if (j.doc.getMap('records').size === RECORDS) complete++
				}),
				sleep(60_000),
			])
		)
	)
	const after = await server.usage()
	closeAll([seeder, ...joiners])
	return {
		latencies: delivered.latencies,
		syncedLatencies,
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

export async function awareness(server: Server): Promise<RunResult> {
	const CLIENTS = 50
	const room = newRoomId()
	const clients = Array.from({ length: CLIENTS }, () => newClient(server.port, room))
	await Promise.all(clients.map((c) => c.synced))
	clients.forEach((c, i) =>
		c.provider.awareness.setLocalState({ user: { name: `P${i}` }, seq: 0, t: 0 })
	)
	await waitFor(
		() => clients.every((c) => c.provider.awareness.getStates().size === CLIENTS),
		20_000
	)
	await sleep(500)
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
	const before = await server.usage()
	const movers = clients.map((c, i) => {
		let seq = 0
		return () => {
			seq++
			expected += CLIENTS - 1
			c.provider.awareness.setLocalState({
				user: { name: `P${i}` },
				cursor: { x: seq, y: seq },
				seq,
				t: performance.now(),
			})
		}
	})
	const stopMovers = startPeriodic(movers, 100)
	await sleep(AWARENESS_SECONDS * 1000)
	stopMovers()
	await waitFor(() => delivered >= expected, 3000)
	const after = await server.usage()
	closeAll(clients)
	return {
		latencies,
		lost: expected - delivered,
		delivered,
		cpuMicros: after.cpuMicros - before.cpuMicros,
		systemMicros: after.systemMicros - before.systemMicros,
		maxRssBytes: after.maxRssBytes,
	}
}
