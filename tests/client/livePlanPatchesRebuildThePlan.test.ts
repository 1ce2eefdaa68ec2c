import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PatchedPlan, PlanDiffer, isEmptyPatch, sameJson } from '../../client/plan/planPatch'
import { extractPlan } from '../../shared/model/extractPlan'
import { seededRandom } from '../helpers/seededRandom'

type Rec = {
	id: string
	typeName: string
	type?: string
	parentId?: string
	props?: Record<string, unknown>
}

const sample = JSON.parse(
	readFileSync(join(import.meta.dirname, '../../../shared/fixtures/sample-map.tldr'), 'utf8')
) as { records: Rec[] }
const TODAY = '2026-11-21'

/** One edit of the kinds people make while drawing, picked by `r`. */
function edit(records: Map<string, Rec>, r: () => number, step: number) {
	const all = [...records.values()]
	const shapes = all.filter((x) => x.typeName === 'shape')
	const typed = shapes.filter((x) => ['milestone', 'enabler', 'blocker'].includes(x.type!))
	const frames = shapes.filter((x) => x.type === 'frame')
	const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)]!
	const kind = Math.floor(r() * 6)
	const target = pick(typed)
	if (kind === 0)
		records.set(target.id, { ...target, props: { ...target.props, title: `T${step}` } })
	else if (kind === 1)
		records.set(target.id, {
			...target,
			props: { ...target.props, owner: r() < 0.5 ? '' : `O${step}` },
		})
	else if (kind === 2) records.set(target.id, { ...target, parentId: pick(frames).id })
	else if (kind === 3) records.delete(pick(all.filter((x) => x.typeName === 'binding'))?.id ?? '')
	else if (kind === 4) records.delete(target.id)
	else
		records.set(`shape:new${step}`, {
			...pick(typed.filter((x) => x.type === 'milestone')),
			id: `shape:new${step}`,
			props: { ...target.props, title: `New ${step}` },
		} as Rec)
}

describe('the live plan sent as patches', () => {
	it('rebuilds exactly the plan extractPlan gives, after every edit, for many seeded sequences', () => {
		for (let seed = 1; seed <= 20; seed++) {
			const r = seededRandom(seed)
			const records = new Map(sample.records.map((x) => [x.id, x]))
			const differ = new PlanDiffer()
			let patched: PatchedPlan | null = null
			for (let step = 0; step < 25; step++) {
				const plan = extractPlan([...records.values()], { today: TODAY })
				patched ??= new PatchedPlan(plan)
				patched.apply(differ.diff(plan))
				expect(patched.plan, `seed ${seed}, step ${step}`).toEqual(plan)
				edit(records, r, step)
			}
		}
	})

	it('keeps the objects of entries that did not change, and sends nothing when nothing changed', () => {
		const records = new Map(sample.records.map((x) => [x.id, x]))
		const differ = new PlanDiffer()
		const first = extractPlan([...records.values()], { today: TODAY })
		const patched = new PatchedPlan(first)
		patched.apply(differ.diff(first))
		const before = patched.plan

		expect(isEmptyPatch(differ.diff(extractPlan([...records.values()], { today: TODAY })))).toBe(
			true
		)

		const skills = records.get('shape:m-skills')!
		records.set(skills.id, { ...skills, props: { ...skills.props, title: 'Installers certified' } })
		const patch = differ.diff(extractPlan([...records.values()], { today: TODAY }))
		expect(patch.milestones.changed).toHaveLength(1)
		expect(patch.milestones.order).toBeNull()
		expect(patched.apply(patch)).toBe(true)
		const after = patched.plan
		expect(after.milestones.find((m) => m.id === 'shape:m-skills')!.title).toBe(
			'Installers certified'
		)
		for (const m of after.milestones) {
			if (m.id !== 'shape:m-skills') expect(m).toBe(before.milestones.find((b) => b.id === m.id))
		}
		expect(after.enablers).toBe(before.enablers)
		expect(after.stages).toBe(before.stages)
	})
})

describe('sameJson, which tells the differ whether an entry changed', () => {
	it('is true for equal values whatever their key order, and false for any difference', () => {
		const entry = { id: 'a', due: '', dependsOn: ['b', 'c'], checkins: [{ date: 'd', rag: 'red' }] }
		expect(sameJson(entry, JSON.parse(JSON.stringify(entry)))).toBe(true)
		expect(sameJson({ a: 1, b: [2] }, { b: [2], a: 1 })).toBe(true)
		expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false)
		expect(sameJson({ a: 1, b: 2 }, { a: 1 })).toBe(false)
		expect(sameJson({ a: null }, { b: null })).toBe(false)
		expect(sameJson(['b', 'c'], ['c', 'b'])).toBe(false)
		expect(sameJson([1], { 0: 1 })).toBe(false)
		expect(sameJson({ ...entry, checkins: [{ date: 'd', rag: 'amber' }] }, entry)).toBe(false)
		expect(sameJson(null, {})).toBe(false)
		expect(sameJson('1', 1)).toBe(false)
	})
})
