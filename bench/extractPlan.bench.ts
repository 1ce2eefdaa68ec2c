import { extractPlan } from '../shared/model/extractPlan'
import { restoreRecords } from '../shared/model/restoreRecords'
import { generateMap } from './generateMap'

// `npm run bench`: full extraction (restore + extract) on generated maps, median of many runs.
const sizes = [1000, 5000, 20_000]
const today = '2026-11-21'

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b)
	return sorted[Math.floor(sorted.length / 2)]!
}

function measure(run: () => void, minRuns: number, minMs: number): number[] {
	for (let i = 0; i < 5; i++) run() // warm up the JIT
	const times: number[] = []
	const start = performance.now()
	while (times.length < minRuns || performance.now() - start < minMs) {
		const t0 = performance.now()
		run()
		times.push(performance.now() - t0)
	}
	return times
}

console.log(
	`extractPlan benchmark (node ${process.version}, ${sizes.join(' / ')} typed shapes, 10 stages, ~1 arrow each)`
)
console.log('shapes   records   full extraction (median / p90)   extract only (median)')
const medians = new Map<number, number>()
for (const size of sizes) {
	// Maps reach extraction parsed from JSON (a .tldr file, the relay's document, a worker
	// message), which gives all records of a kind one shape in V8. The builders' spread objects
	// each get their own, so they are passed through JSON text first, as a file would be.
	const records = JSON.parse(JSON.stringify(generateMap(size))) as unknown[]
	const full = measure(() => extractPlan(records, { today }), 15, 2000)
	const restored = restoreRecords(records)
	const only = measure(() => extractPlan(restored, { today }), 15, 1000)
	const sorted = [...full].sort((a, b) => a - b)
	medians.set(size, median(full))
	console.log(
		`${String(size).padStart(6)}   ${String(records.length).padStart(7)}   ${median(full).toFixed(2).padStart(8)} ms / ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(2)} ms` +
			`            ${median(only).toFixed(2)} ms`
	)
}
// The same 5,000-shape map with its records in random order, as tldraw writes a .tldr file: the
// generated order (stage by stage, each arrow beside its bindings) is kinder to the cache.
{
	const records = JSON.parse(JSON.stringify(generateMap(5000, { shuffled: true }))) as unknown[]
	const full = measure(() => extractPlan(records, { today }), 15, 2000)
	const sorted = [...full].sort((a, b) => a - b)
	console.log(
		`  5000   ${String(records.length).padStart(7)}   ${median(full).toFixed(2).padStart(8)} ms / ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(2)} ms` +
			`            (records shuffled, as in a .tldr file)`
	)
}
const m5 = medians.get(5000)!
const m20 = medians.get(20_000)!
console.log(
	`budget: 5,000 shapes <= 10 ms median: ${m5 <= 10 ? 'met' : 'MISSED'} (${m5.toFixed(2)} ms)`
)
console.log(
	`budget: 20,000 shapes <= 5 x the 5,000 figure: ${m20 <= 5 * m5 ? 'met' : 'MISSED'} (${(m20 / m5).toFixed(2)} x)`
)
