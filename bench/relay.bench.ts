/**
 * `npm run bench:relay`: the relay against the reference server @y/websocket-server@0.1.1, side by
 * side. Each server runs in a child process of its own (fresh for every run, so CPU and peak RSS
 * are the server's alone); the stock y-websocket clients run in four client processes
 * (`relayBenchWorker.ts`) started once and used alike for both servers. Each scenario alternates
 * the servers (ABBA). Our relay runs with persistence on (SQLite in a temporary folder); the
 * reference keeps rooms in memory only.
 *
 * - fan-out: 4 rooms x 25 clients, 5 writers a room each moving a shape 20 times a second, 10 s
 * - join storm: 20 clients (5 in each client process) join at once a room of 5,000 records with
 *   10,000 edits of history
 * - awareness: 50 clients in one room, each changing its presence 10 times a second, 5 s
 *
 * "Delivered frame": one update (or awareness change) arriving at one client other than its
 * author. Server CPU is user + system time of the server process over the measured window.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Usage } from './relayBenchServer'
import {
	awareness,
	fanOut,
	joinStorm,
	sleep,
	WORKERS,
	type Kind,
	type RunResult,
	type Server,
} from './relayBenchScenarios'
import { startWorkers, type BenchWorker } from './relayBenchWorkers'

const SERVER_SCRIPT = fileURLToPath(new URL('./relayBenchServer.ts', import.meta.url))

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

/** Runs a scenario `rounds` times in the order reference, ours, ours, reference. */
async function scenario(
	name: string,
	run: (server: Server, workers: BenchWorker[]) => Promise<RunResult>,
	rounds: number
): Promise<Record<Kind, Summary>> {
	const results: Record<Kind, RunResult[]> = { reference: [], ours: [] }
	const only = process.env.BENCH_SERVERS?.split(',') as Kind[] | undefined
	const abba: Kind[] = ['reference', 'ours', 'ours', 'reference']
	const order = Array.from({ length: Number(process.env.BENCH_ROUNDS ?? rounds) }, () => abba)
		.flat()
		.filter((k) => !only || only.includes(k))
	for (const kind of order) {
		const load = loadavg()[0]!
		const server = await startServer(kind)
		try {
			const result = await run(server, workers)
			results[kind].push(result)
			const s = summarise([result])
			console.log(
				`  ${name.padEnd(10)} ${kind.padEnd(9)} p50 ${s.p50.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  lost ${s.lost}  ` +
					`frames ${s.delivered}  cpu ${s.cpuPerFrame.toFixed(1)} µs/frame (${(s.systemShare * 100).toFixed(0)}% system)  rss ${s.peakRssMb.toFixed(0)} MB` +
					(Number.isNaN(s.syncedP50)
						? ''
						: `  synced p50 ${s.syncedP50.toFixed(0)} ms p99 ${s.syncedP99.toFixed(0)} ms` +
							` (${result.reconnects ?? 0} reconnects)`) +
					`  load ${load.toFixed(1)}`
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
const workers = await startWorkers(WORKERS)
console.log(
	`relay benchmark (node ${process.version}, ${WORKERS} client processes); each scenario alternates ` +
		'the servers: reference, ours, ours, reference (the join storm twice over)'
)
const all: [string, Record<Kind, Summary>][] = []
const scenarios = process.env.BENCH_SCENARIOS?.split(',') ?? ['fan-out', 'join', 'awareness']
if (scenarios.includes('fan-out')) all.push(['fan-out', await scenario('fan-out', fanOut, 1)])
// The noisiest scenario (20 clients applying 1.7 MB each on two shared cores): twice as many runs.
if (scenarios.includes('join')) all.push(['join storm', await scenario('join', joinStorm, 2)])
if (scenarios.includes('awareness'))
	all.push(['awareness', await scenario('awareness', awareness, 1)])
for (const worker of workers) worker.stop()
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
