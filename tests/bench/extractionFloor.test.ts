import { describe, expect, it } from 'vitest'
import { extractionFloor } from '../../bench/extractionFloor'
import { generateMap } from '../../bench/generateMap'
import { extractPlan } from '../../shared/model/extractPlan'

// The benchmark's floor is only a fair lower bound if it reads what extraction reads and makes
// no more than extraction makes: its entries and relations must be the plan's, and it must not
// allocate more diagnostics than the plan has.
describe('extractionFloor', () => {
	for (const shuffled of [false, true]) {
		it(`finds every entry's stage and every arrow's ends as extraction does (${shuffled ? 'shuffled' : 'generated order'})`, () => {
			const records = JSON.parse(JSON.stringify(generateMap(400, { shuffled }))) as Parameters<
				typeof extractionFloor
			>[0]
			const plan = extractPlan(records, { today: '2026-11-21' })
			const floor = extractionFloor(records)

			const stageOf = (entries: { id: string; stage: unknown }[]) =>
				new Map(entries.map((e) => [e.id, e.stage]))
			const planEntries = [...plan.milestones, ...plan.enablers, ...plan.blockers]
			expect(stageOf(floor.entries as { id: string; stage: unknown }[])).toEqual(
				stageOf(planEntries)
			)
			expect(planEntries).toHaveLength(400)

			const ends = (relations: { id: string; from: string | null; to: string | null }[]) =>
				new Map(relations.map((r) => [r.id, `${r.from} -> ${r.to}`]))
			expect(ends(floor.relations)).toEqual(ends(plan.relations))
			expect(plan.relations.length).toBeGreaterThan(350)

			expect(floor.diagnostics.length).toBeGreaterThan(0)
			expect(floor.diagnostics.length).toBeLessThanOrEqual(plan.diagnostics.length)
		})
	}
})
