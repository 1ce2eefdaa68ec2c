import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { exportPlan } from '../../shared/export/exportPlan'
import { icsUid } from '../../shared/export/toIcs'
import { extractPlan } from '../../shared/model/extractPlan'
import { planSchema } from '../../shared/schema/planSchema'
import { shuffled } from '../helpers/mapBuilder'

const SAMPLE = new URL('../../../shared/fixtures/sample-map.tldr', import.meta.url)
const TODAY = '2026-11-21'
const file = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { records: unknown[] }
const plan = extractPlan(file, { today: TODAY })
const text = (format: 'md' | 'csv' | 'json' | 'ics', preset?: 'jira' | 'asana') =>
	exportPlan(plan, { format, today: TODAY, ...(preset ? { preset } : {}) }).text

// Worked out by hand from the drawing: four frames left to right, five milestones, arrows
// needs -> offer -> homes <- skills, homes -> bau; three enablers and a blocker on "homes"
// (one blocker through the framework enabler), a blocker on "bau", one arrow bound at one end.
const milestones = [
	['shape:m-needs', "Residents' energy needs mapped", 'Discover', '2027-01-31', []],
	[
		'shape:m-offer',
		'Retrofit offer co-designed with residents',
		'Design',
		'2027-04-30',
		['shape:m-needs'],
	],
	['shape:m-skills', 'Local installers trained', 'Deliver', '2027-09-30', []],
	[
		'shape:m-homes',
		'First 100 homes retrofitted',
		'Deliver',
		'2027-10-31',
		['shape:m-offer', 'shape:m-skills'],
	],
	['shape:m-bau', 'Retrofit offer is business as usual', 'Embed', '2028-03-31', ['shape:m-homes']],
] as const

describe('exports of the sample map', () => {
	it('Markdown has the four stages in order with each milestone under its stage', () => {
		const md = text('md')
		const lines = md.split('\n')
		expect(lines.filter((l) => l.startsWith('## '))).toEqual([
			'## Discover',
			'## Design',
			'## Deliver',
			'## Embed',
			'## Map checks',
		])
		for (const [, title, stage] of milestones) {
			const at = lines.findIndex((l) => l === `- [ ] **${title}**`)
			expect(at).toBeGreaterThan(0)
			expect(
				lines
					.slice(0, at)
					.filter((l) => l.startsWith('## '))
					.at(-1)
			).toBe(`## ${stage}`)
		}
		expect(md).toContain(
			'**Legal: Data-sharing agreement with housing associations** · how: advice · needed by: 2027-02-15 · owner: Lee (Legal) · status: Requested · arrow note: “before the survey data is shared”'
		)
		expect(md).toContain(
			'**Current installer framework expires in March 2027** · kind: Contract · severity: High · status: Open · owner: Alex (Procurement) · via enabler Procurement: Framework contract for local installers'
		)
		// The unbound arrow is named by the milestone it leaves, not by its id.
		expect(md).toContain(
			'- An arrow from milestone "Local installers trained" is connected at only one end; it is not part of the plan until both ends touch a shape. (`arrow-unbound`)'
		)
		expect(md).not.toContain('shape:')
	})

	it('canonical CSV has a row per milestone in dependency order, then enablers and blockers', () => {
		const rows = Papa.parse<Record<string, string>>(text('csv').slice(1), {
			header: true,
			skipEmptyLines: true,
		}).data
		expect(
			rows
				.filter((r) => r.Type === 'milestone')
				.map((r) => [r.ID, r.Title, r.Stage, r.Due, r['Depends on']])
		).toEqual(
			milestones.map(([id, title, stage, due, deps]) => [id, title, stage, due, deps.join('; ')])
		)
		const homes = rows.find((r) => r.ID === 'shape:m-homes')!
		expect(homes.Enablers?.split('; ').sort()).toEqual([
			'shape:e-booking',
			'shape:e-budget',
			'shape:e-framework',
		])
		expect(homes.Blockers?.split('; ').sort()).toEqual(['shape:b-consent', 'shape:b-expiry'])
		expect(rows.filter((r) => r.Type === 'enabler')).toHaveLength(4)
		expect(rows.filter((r) => r.Type === 'blocker')).toHaveLength(3)
		const needs = rows[0]!
		expect([needs['Last check-in'], needs.Note, needs.RAG]).toEqual([
			'2026-11-27',
			'Low response in two wards; add door-knocking',
			'amber',
		])
	})

	it('iCalendar has a to-do per milestone with its due date and its dependencies', () => {
		const calendar = new ICAL.Component(ICAL.parse(text('ics')))
		const todos = calendar.getAllSubcomponents('vtodo')
		expect(
			todos.map((t) => [
				t.getFirstPropertyValue('uid'),
				t.getFirstPropertyValue('summary'),
				String(t.getFirstPropertyValue('due')),
				t.getAllProperties('related-to').map((p) => p.getFirstValue()),
			])
		).toEqual(
			milestones.map(([id, title, , due, deps]) => [icsUid(id), title, due, deps.map(icsUid)])
		)
	})

	it('JSON is the plan, valid against the plan schema', () => {
		const parsed: unknown = JSON.parse(text('json'))
		expect(planSchema.parse(parsed)).toEqual(plan)
		expect(parsed).toEqual(plan)
	})

	it('Jira and Asana presets have one row per milestone', () => {
		for (const preset of ['jira', 'asana'] as const) {
			const rows = Papa.parse<Record<string, string>>(text('csv', preset).slice(1), {
				header: true,
				skipEmptyLines: true,
			}).data
			expect(rows.map((r) => r.Summary ?? r.Name)).toEqual(milestones.map(([, title]) => title))
		}
	})

	it.each([1, 2, 3])(
		'gives the same bytes in every format when the records come in another order (seed %i)',
		(seed) => {
			const reordered = extractPlan(
				{ ...file, records: shuffled(file.records, seed) },
				{ today: TODAY }
			)
			for (const format of ['md', 'csv', 'json', 'ics'] as const) {
				expect(exportPlan(reordered, { format, today: TODAY }).text).toBe(text(format))
			}
		}
	)
})
