import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { restoreRecords } from '../../shared/model/restoreRecords'
import { planSchema } from '../../shared/schema/planSchema'
import { arrow, blocker, enabler, frame, milestone, page, shuffled } from '../helpers/mapBuilder'
import { seededRandom } from '../helpers/seededRandom'

// Seeded and replayable: FUZZ_SEED=1234 npx vitest run tests/shared/fuzz.test.ts replays one seed.
const ONE_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : null
const SEEDS = ONE_SEED !== null ? [ONE_SEED] : Array.from({ length: 300 }, (_, i) => i + 1)

const junkValues: unknown[] = [
	null,
	undefined,
	0,
	-1,
	NaN,
	Infinity,
	'',
	'x',
	'2027-13-01',
	'2027-02-29',
	[],
	{},
	[1],
	{ a: 1 },
	true,
	'shape:m1',
	'page:page',
	'milestone',
	'frame',
	'arrow',
	'start',
	'end',
	'x'.repeat(20_000),
]

function randomMap(random: () => number) {
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
	const ids = Array.from({ length: 12 }, (_, i) => `shape:n${i}`)
	const records: unknown[] = [page]
	for (let i = 0; i < 3; i++)
		records.push(
			frame(
				`shape:f${i}`,
				`F${i}`,
				Math.floor(random() * 3000),
				0,
				pick(['page:page', 'shape:f0', 'shape:f1'])
			)
		)
	for (const id of ids) {
		const parent = pick(['page:page', 'shape:f0', 'shape:f1', 'shape:f2', pick(ids), 'shape:none'])
		const make = pick([milestone, enabler, blocker])
		records.push(
			make(id, parent, Math.floor(random() * 900), Math.floor(random() * 900), {
				due: pick(['2026-12-01', '2027-06-30', '']),
				neededBy: pick(['2026-12-01', '2027-06-30', '']),
				severity: pick(['low', 'high']),
			})
		)
	}
	for (let i = 0; i < 14; i++)
		records.push(
			...arrow(`shape:a${i}`, pick([...ids, null, 'shape:gone']), pick([...ids, null, 'shape:f1']))
		)
	return records
}

function corrupt(value: unknown, random: () => number, depth = 0): unknown {
	if (depth > 4 || random() < 0.6) return value
	if (random() < 0.15) return junkValues[Math.floor(random() * junkValues.length)]
	if (Array.isArray(value)) return value.map((v) => corrupt(v, random, depth + 1))
	if (typeof value === 'object' && value !== null) {
		const out: Record<string, unknown> = {}
		for (const [k, v] of Object.entries(value)) {
			if (random() < 0.05) continue
			out[k] = corrupt(v, random, depth + 1)
		}
		if (random() < 0.05) out[`extra${depth}`] = junkValues[Math.floor(random() * junkValues.length)]
		return out
	}
	return value
}

describe('fuzz: random and corrupted maps', () => {
	it.each(SEEDS)(
		'seed %i: restore and extraction never throw, the plan always passes its schema, order never matters',
		(seed) => {
			const random = seededRandom(seed)
			const records = corrupt(randomMap(random), random) as unknown[]
			const input =
				random() < 0.2
					? corrupt({ tldrawFileFormatVersion: 1, schema: {}, records }, random)
					: records
			expect(() => restoreRecords(input)).not.toThrow()
			const plan = extractPlan(input, { today: '2026-11-21' })
			const parsed = planSchema.safeParse(plan)
			expect(
				parsed.success,
				parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))
			).toBe(true)
			if (Array.isArray(input)) {
				const again = extractPlan(shuffled(input, seed), { today: '2026-11-21' })
				expect(JSON.stringify(again)).toBe(JSON.stringify(plan))
			}
		}
	)
})
