/**
 * `npm run bench:relay`: the relay against the reference server @y/websocket-server@0.1.1, side by
 * side, with stock y-websocket clients in this process and each server in a child process of its
 * own (fresh for every run, so CPU and peak RSS are the server's alone). Each scenario alternates
 * the servers (ABBA). Our relay runs with persistence on (SQLite in a temporary folder); the
 * reference keeps rooms in memory only.
 *
 * - fan-out: 4 rooms x 25 clients, 5 writers a room each moving a shape 20 times a second, 10 s
 * - join storm: 20 clients join at once a room of 5,000 records with 10,000 edits of history
 * - awareness: 50 clients in one room, each changing its presence 10 times a second, 5 s
 *
 * "Delivered frame": one update (or awareness change) arriving at one client other than its
 * author. Server CPU is user + system time of the server process over the measured window.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { newRoomId } from '../shared/roomId'
import type { Usage } from './relayBenchServer'

type Kind = 'reference' | 'ours'

interface Server {
	kind: Kind
	port: number
	usage(): Promise<Usage>
	stop(): Promise<void>
}

interface RunResult {
	latencies: number[]
	/** Join storm only: stock clients' time to `synced` (bound by applying the state here). */
	syncedLatencies?: number[]
	lost: number
	delivered: number
	cpuMicros: number
	systemMicros: number
	maxRssBytes: number
}

const SERVER_SCRIPT = fileURLToPath(new URL('./relayBenchServer.ts', import.meta.url))
const quick = process.env.BENCH_QUICK === '1'
const FANOUT_SECONDS = quick ? 3 : 10
const AWARENESS_SECONDS = quick ? 2 : 5

async function startServer(kind: Kind): Promise<Server> {
	const child: ChildProcess = fork(SERVER_SCRIPT, [kind], {
		execArgv: [
			'--import',
			'tsx',
			...(process.env.BENCH_CPU_PROF
				? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
				: []),
		],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
	})
	const port = await new Promise<number>((resolve, reject) => {
		child.once('message', (m: { port: number }) => resolve(m.port))
		child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)))
	})
	return {
		kind,
		port,
		usage: () =>
			new Promise((resolve) => {
				child.once('message', (m: { usage: Usage }) => resolve(m.usage))
				child.send('usage')
			}),
		stop: () =>
			new Promise((resolve) => {
				const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
				child.once('exit', () => {
					clearTimeout(timer)
					resolve()
				})
				child.send('stop')
			}),
	}
}

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const start = performance.now()
	while (!check()) {
		if (performance.now() - start > timeoutMs) return false
		await sleep(20)
	}
	return true
}

async function fanOut(server: Server): Promise<RunResult> {
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

async function joinStorm(server: Server): Promise<RunResult> {
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

async function awareness(server: Server): Promise<RunResult> {
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

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN
	return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!
}

interface Summary {
	p50: number
	p99: number
	syncedP50: number
	syncedP99: number
	lost: number
	delivered: number
	cpuPerFrame: number
	/** Share of the server's CPU time spent in the kernel (socket writes on loopback, mostly). */
	systemShare: number
	cpuMs: number
	peakRssMb: number
}

function summarise(runs: RunResult[]): Summary {
	const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b)
	const synced = runs.flatMap((r) => r.syncedLatencies ?? []).sort((a, b) => a - b)
	const delivered = runs.reduce((s, r) => s + r.delivered, 0)
	const cpu = runs.reduce((s, r) => s + r.cpuMicros, 0)
	return {
		p50: percentile(latencies, 0.5),
		p99: percentile(latencies, 0.99),
		syncedP50: percentile(synced, 0.5),
		syncedP99: percentile(synced, 0.99),
		lost: runs.reduce((s, r) => s + r.lost, 0),
		delivered,
		cpuPerFrame: cpu / Math.max(1, delivered),
		systemShare: runs.reduce((sum, r) => sum + r.systemMicros, 0) / Math.max(1, cpu),
		cpuMs: cpu / 1000 / runs.length,
		peakRssMb: Math.max(...runs.map((r) => r.maxRssBytes)) / 2 ** 20,
	}
}

async function scenario(
	name: string,
	run: (server: Server) => Promise<RunResult>
): Promise<Record<Kind, Summary>> {
	const results: Record<Kind, RunResult[]> = { reference: [], ours: [] }
	const only = process.env.BENCH_SERVERS?.split(',') as Kind[] | undefined
	const order = (['reference', 'ours', 'ours', 'reference'] as Kind[]).filter(
		(k) => !only || only.includes(k)
	)
	for (const kind of order) {
		const server = await startServer(kind)
		try {
			const result = await run(server)
			results[kind].push(result)
			const s = summarise([result])
			console.log(
				`  ${name.padEnd(10)} ${kind.padEnd(9)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  lost ${s.lost}  ` +
					`frames ${s.delivered}  cpu ${s.cpuPerFrame.toFixed(1)} µs/frame (${(s.systemShare * 100).toFixed(0)}% system)  rss ${s.peakRssMb.toFixed(0)} MB` +
					(Number.isNaN(s.syncedP50)
						? ''
						: `  synced p50 ${s.syncedP50.toFixed(0)} ms p99 ${s.syncedP99.toFixed(0)} ms`)
			)
		} finally {
			await server.stop()
		}
		await sleep(300)
	}
	return { reference: summarise(results.reference), ours: summarise(results.ours) }
}

// Every stock provider adds a process 'exit' listener.
process.setMaxListeners(0)
const started = performance.now()
console.log(
	`relay benchmark (node ${process.version}); each scenario alternates the servers: reference, ours, ours, reference`
)
const all: [string, Record<Kind, Summary>][] = []
const scenarios = process.env.BENCH_SCENARIOS?.split(',') ?? ['fan-out', 'join', 'awareness']
if (scenarios.includes('fan-out')) all.push(['fan-out', await scenario('fan-out', fanOut)])
if (scenarios.includes('join')) all.push(['join storm', await scenario('join', joinStorm)])
if (scenarios.includes('awareness')) all.push(['awareness', await scenario('awareness', awareness)])
if (all.length < 3) process.exit(0)

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(2))
console.log('\n| scenario | server | p50 | p99 | lost | server CPU | peak RSS |')
console.log('|---|---|---|---|---|---|---|')
for (const [name, byKind] of all) {
	for (const kind of ['reference', 'ours'] as Kind[]) {
		const s = byKind[kind]
		const label = kind === 'ours' ? 'relay (SQLite on)' : '@y/websocket-server 0.1.1'
		const row =
			name === 'join storm'
				? [
						`${ms(s.p50)} ms state delivered; ${ms(s.syncedP50)} ms synced`,
						`${ms(s.p99)} ms delivered; ${ms(s.syncedP99)} ms synced`,
						`${s.lost}`,
						`${s.cpuMs.toFixed(0)} ms per storm (40 joins)`,
					]
				: [
						`${ms(s.p50)} ms`,
						`${ms(s.p99)} ms`,
						`${s.lost}`,
						`${s.cpuPerFrame.toFixed(1)} µs/frame`,
					]
		console.log(`| ${name} | ${label} | ${row.join(' | ')} | ${s.peakRssMb.toFixed(0)} MB |`)
	}
}
const [fan, join, aw] = all.map(([, r]) => r) as [
	Record<Kind, Summary>,
	Record<Kind, Summary>,
	Record<Kind, Summary>,
]
console.log('\nbudget (ours / reference):')
console.log(
	`  fan-out CPU per frame ${(fan.ours.cpuPerFrame / fan.reference.cpuPerFrame).toFixed(2)} (<= 1, aim 0.8)`
)
console.log(`  fan-out p99 ${(fan.ours.p99 / fan.reference.p99).toFixed(2)} (<= 1)`)
console.log(
	`  join-storm p99: state delivered ${(join.ours.p99 / join.reference.p99).toFixed(2)}, synced ${(join.ours.syncedP99 / join.reference.syncedP99).toFixed(2)} (<= 1)`
)
console.log(
	`  awareness CPU per frame ${(aw.ours.cpuPerFrame / aw.reference.cpuPerFrame).toFixed(2)} (<= 1)`
)
console.log(
	`  lost updates: ours ${fan.ours.lost + join.ours.lost + aw.ours.lost}, reference ${fan.reference.lost + join.reference.lost + aw.reference.lost}`
)
console.log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s`)
process.exit(0)
