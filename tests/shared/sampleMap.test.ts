import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { planSchema } from '../../shared/schema/planSchema'
import { shuffled } from '../helpers/mapBuilder'

const FIXTURE = new URL('../../../shared/fixtures/sample-map.tldr', import.meta.url)
const file = JSON.parse(readFileSync(FIXTURE, 'utf8'))

// Worked out by hand from the drawing (four frames side by side, arrows as drawn).
describe('the sample map made with tldraw 5.4.2', () => {
	const plan = extractPlan(file, { today: '2026-11-21' })

	it('passes the plan schema', () => {
		expect(planSchema.safeParse(plan).success).toBe(true)
	})

	it('has the four stages from left to right (S1, S2)', () => {
		expect(plan.stages).toEqual([
			{ id: 'shape:stage-discover', name: 'Discover' },
			{ id: 'shape:stage-design', name: 'Design' },
			{ id: 'shape:stage-deliver', name: 'Deliver' },
			{ id: 'shape:stage-embed', name: 'Embed' },
		])
	})

	it('orders milestones after their dependencies, then by stage and position (O1, O2)', () => {
		expect(plan.milestones.map((m) => [m.id, m.stage, m.dependsOn])).toEqual([
			['shape:m-needs', 'shape:stage-discover', []],
			['shape:m-offer', 'shape:stage-design', ['shape:m-needs']],
			['shape:m-skills', 'shape:stage-deliver', []],
			['shape:m-homes', 'shape:stage-deliver', ['shape:m-offer', 'shape:m-skills']],
			['shape:m-bau', 'shape:stage-embed', ['shape:m-homes']],
		])
	})

	it('keeps every milestone field as drawn, with the newest check-in last (R7)', () => {
		const needs = plan.milestones[0]!
		expect(needs).toEqual({
			id: 'shape:m-needs',
			title: "Residents' energy needs mapped",
			outcome: 'We know which households are cold and why',
			owner: 'Priya (Community team)',
			unblocker: 'Sam (Data)',
			due: '2027-01-31',
			status: 'in-progress',
			rag: 'amber',
			checkins: [
				{ date: '2026-10-30', rag: 'green', note: 'Survey launched' },
				{ date: '2026-11-27', rag: 'amber', note: 'Low response in two wards; add door-knocking' },
			],
			stage: 'shape:stage-discover',
			dependsOn: [],
			enablers: ['shape:e-dsa'],
			blockers: [],
		})
	})

	it('links enablers and blockers, including blockers on a milestone’s enablers (A1, A5)', () => {
		const homes = plan.milestones.find((m) => m.id === 'shape:m-homes')!
		expect(homes.enablers).toEqual(['shape:e-booking', 'shape:e-budget', 'shape:e-framework'])
		expect(homes.blockers).toEqual(['shape:b-consent', 'shape:b-expiry'])
		expect(plan.milestones.find((m) => m.id === 'shape:m-bau')!.blockers).toEqual(['shape:b-flag'])
		expect(plan.enablers.map((e) => [e.id, e.stage, e.enables, e.blockers])).toEqual([
			['shape:e-dsa', 'shape:stage-discover', ['shape:m-needs'], []],
			['shape:e-booking', 'shape:stage-deliver', ['shape:m-homes'], []],
			['shape:e-budget', 'shape:stage-deliver', ['shape:m-homes'], []],
			['shape:e-framework', 'shape:stage-deliver', ['shape:m-homes'], ['shape:b-expiry']],
		])
		expect(plan.blockers.map((b) => [b.id, b.stage, b.blocks])).toEqual([
			['shape:b-consent', 'shape:stage-deliver', ['shape:m-homes']],
			['shape:b-expiry', 'shape:stage-deliver', ['shape:e-framework']],
			['shape:b-flag', 'shape:stage-embed', ['shape:m-bau']],
		])
	})

	it('keeps the arrow text as the relation note (A1)', () => {
		expect(plan.relations.find((r) => r.id === 'shape:a8')).toEqual({
			id: 'shape:a8',
			kind: 'enables',
			from: 'shape:e-dsa',
			to: 'shape:m-needs',
			note: 'before the survey data is shared',
		})
		expect(plan.relations).toHaveLength(11)
	})

	it('flags what a facilitator should see, errors first (C1, C2, C8, C9, A2)', () => {
		expect(plan.diagnostics.map((d) => [d.severity, d.code, d.shapeId])).toEqual([
			['error', 'enabler-late', 'shape:e-dsa'],
			['warning', 'arrow-unbound', 'shape:a12'],
			['warning', 'milestone-no-owner', 'shape:m-bau'],
			['warning', 'milestone-no-unblocker', 'shape:m-bau'],
			['warning', 'milestone-no-unblocker', 'shape:m-skills'],
			['warning', 'blocker-no-owner', 'shape:b-consent'],
		])
		expect(plan.diagnostics[0]!.message).toContain('2027-02-15')
	})

	it('flags the open high-severity framework blocker once the homes milestone is due within 30 days (C10)', () => {
		const later = extractPlan(file, { today: '2027-10-05' })
		const codes = later.diagnostics.map((d) => [d.code, d.shapeId])
		expect(codes).toContainEqual(['blocker-high-due-soon', 'shape:b-expiry'])
		expect(codes).toContainEqual(['milestone-overdue', 'shape:m-needs'])
	})

	it('gives the same bytes whatever the record order (O5)', () => {
		const reference = JSON.stringify(plan)
		for (let seed = 1; seed <= 20; seed++) {
			const again = extractPlan(
				{ ...file, records: shuffled(file.records, seed) },
				{ today: '2026-11-21' }
			)
			expect(JSON.stringify(again), `seed ${seed}`).toBe(reference)
		}
	})
})
