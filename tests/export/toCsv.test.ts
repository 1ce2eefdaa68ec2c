import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { exportLabels } from '../../shared/export/exportLabels'
import {
	asanaCsvColumns,
	canonicalCsvColumns,
	jiraCsvColumns,
	toCsv,
} from '../../shared/export/toCsv'
import type { Plan } from '../../shared/schema/planSchema'
import { emptyPlan, handBuiltPlan } from './handBuiltPlan'

/** Parses our CSV with a real parser, after checking and removing the BOM. */
function parse(text: string): Record<string, string>[] {
	expect(text.startsWith('\uFEFF')).toBe(true)
	const result = Papa.parse<Record<string, string>>(text.slice(1), {
		header: true,
		skipEmptyLines: true,
	})
	expect(result.errors).toEqual([])
	return result.data
}

/** What a reader gets back from a cell that we had to neutralise. */
function unneutralise(cell: string): string {
	return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell
}

function stageNameOf(plan: Plan, id: string | null): string {
	return plan.stages.find((s) => s.id === id)?.name ?? ''
}

describe('canonical CSV', () => {
	it('parses back with papaparse to one row per milestone carrying the plan fields', () => {
		const plan = handBuiltPlan()
		const rows = parse(toCsv(plan))
		const milestoneRows = rows.filter((r) => r.Type === 'milestone')
		expect(milestoneRows.map((r) => r.ID)).toEqual(plan.milestones.map((m) => m.id))
		for (const [i, m] of plan.milestones.entries()) {
			const row = milestoneRows[i]!
			const latest = m.checkins.at(-1)
			expect(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, unneutralise(v)]))).toEqual(
				{
					ID: m.id,
					Type: 'milestone',
					Title: m.title,
					Stage: stageNameOf(plan, m.stage),
					Owner: m.owner,
					Unblocker: m.unblocker,
					Due: m.due,
					Status: m.status,
					RAG: m.rag,
					'Depends on': m.dependsOn.join('; '),
					Enablers: m.enablers.join('; '),
					Blockers: m.blockers.join('; '),
					'Last check-in': latest?.date ?? '',
					Note: latest?.note ?? '',
				}
			)
		}
	})

	it('has exactly the canonical columns in order', () => {
		const header = toCsv(handBuiltPlan()).slice(1).split('\r\n')[0]
		expect(header).toBe(canonicalCsvColumns.join(','))
		expect(header).toBe(
			'ID,Type,Title,Stage,Owner,Unblocker,Due,Status,RAG,Depends on,Enablers,Blockers,Last check-in,Note'
		)
	})

	it('lists enablers then blockers after the milestones, with the columns that fit them', () => {
		const plan = handBuiltPlan()
		const rows = parse(toCsv(plan))
		expect(rows.map((r) => r.Type)).toEqual([
			...plan.milestones.map(() => 'milestone'),
			...plan.enablers.map(() => 'enabler'),
			...plan.blockers.map(() => 'blocker'),
		])
		const enablerRows = rows.filter((r) => r.Type === 'enabler')
		for (const [i, e] of plan.enablers.entries()) {
			const row = enablerRows[i]!
			expect(row.ID).toBe(e.id)
			expect(row.Title).toBe(`${exportLabels.service[e.service]}: ${e.contribution}`)
			expect(row.Stage).toBe(stageNameOf(plan, e.stage))
			expect([row.Owner, row.Due, row.Status, row.Blockers]).toEqual([
				e.owner,
				e.neededBy,
				e.status,
				e.blockers.join('; '),
			])
			expect([row.Unblocker, row.RAG, row['Depends on'], row.Enablers]).toEqual(['', '', '', ''])
		}
		expect(enablerRows[0]!.Note).toBe('How: advice. Enables: Offer *co-designed*, [tested].')
		const blockerRows = rows.filter((r) => r.Type === 'blocker')
		for (const [i, b] of plan.blockers.entries()) {
			const row = blockerRows[i]!
			expect([row.ID, row.Title, row.Owner, row.Status]).toEqual([b.id, b.title, b.owner, b.status])
			expect(row.Note).toContain(`Severity: ${exportLabels.severity[b.severity]}.`)
		}
		expect(blockerRows[1]!.Note).toBe(
			'Kind: Approval. Severity: Medium. Blocks: Legal: Data-sharing agreement.'
		)
	})

	it('is UTF-8 text with a BOM and CRLF after every record, including the last', () => {
		const text = toCsv(handBuiltPlan())
		expect(text.charCodeAt(0)).toBe(0xfeff)
		expect(text.endsWith('\r\n')).toBe(true)
		// Outside quoted cells every line break is CRLF: strip quoted cells, then look for a bare LF.
		const unquoted = text.replace(/"(?:[^"]|"")*"/g, '""')
		expect(unquoted).not.toMatch(/[^\r]\n/)
		expect(unquoted.split('\r\n').length - 1).toBe(1 + 3 + 2 + 3)
	})

	it('quotes cells with commas, quotes and line breaks as RFC 4180 says', () => {
		const text = toCsv(handBuiltPlan())
		expect(text).toContain(',"Offer *co-designed*, [tested]",')
		expect(text).toContain(',"Deliver, then ""embed""",')
		expect(text).toContain('"\'+1 for ""quotes""\r\nand a new line"')
		// A cell with nothing to quote is left bare.
		expect(text).toContain(
			'\r\nshape:m-needs,milestone,Needs mapped,Discover,Priya,Sam,2027-01-31,'
		)
	})

	it('neutralises cells that a spreadsheet would run as a formula', () => {
		const rows = parse(toCsv(handBuiltPlan()))
		const stray = rows.find((r) => r.ID === 'shape:m-stray')!
		expect(stray.Title).toBe('\'=HYPERLINK("http://evil.example","click")')
		expect(stray.Owner).toBe("'@alice")
		expect(stray.Unblocker).toBe("'-bob")
		expect(stray.Note).toMatch(/^'\+1/)
		for (const row of rows) {
			for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
		}
	})

	it('writes only the header for an empty plan', () => {
		expect(toCsv(emptyPlan())).toBe(`\uFEFF${canonicalCsvColumns.join(',')}\r\n`)
	})

	it('gives the same bytes for the same plan', () => {
		expect(toCsv(handBuiltPlan())).toBe(toCsv(handBuiltPlan()))
	})
})

describe('CSV presets', () => {
	it('jira has the Jira columns and one Task per milestone with owner, due date and stage label', () => {
		const plan = handBuiltPlan()
		const text = toCsv(plan, { preset: 'jira' })
		expect(text.slice(1).split('\r\n')[0]).toBe(jiraCsvColumns.join(','))
		const rows = parse(text)
		expect(rows.map((r) => r['Issue ID'])).toEqual(plan.milestones.map((m) => m.id))
		const offer = rows[1]!
		expect(offer.Summary).toBe('Offer *co-designed*, [tested]')
		expect(offer['Issue Type']).toBe('Task')
		expect(offer.Assignee).toBe('Jo; Housing')
		expect(offer['Due Date']).toBe('2027-04-30')
		expect(offer.Labels).toBe('Deliver-then-embed')
		expect(offer.Description?.split('\n')).toEqual([
			'Stage: Deliver, then "embed"',
			'Owner: Jo; Housing',
			'Unblocker: not set',
			'Status: In progress. RAG: Amber.',
			'Depends on: Needs mapped (arrow note: needs the survey)',
			'Enabler: Legal: Data-sharing agreement (how: advice, needed by: 2027-02-15, owner: Lee, Requested)',
			'Blocker: Framework expires (Contract, High severity, Open, owner: Alex) (arrow note: renew by March)',
			'Blocker: Consent pending (Approval, Medium severity, Resolved, owner: not set) via Legal: Data-sharing agreement (arrow note: council sign-off)',
		])
		expect(rows[2]!.Labels).toBe('')
		expect(rows[2]!.Summary).toMatch(/^'=/)
	})

	it('asana has the Asana columns with the stage as section', () => {
		const plan = handBuiltPlan()
		const text = toCsv(plan, { preset: 'asana' })
		expect(text.slice(1).split('\r\n')[0]).toBe(asanaCsvColumns.join(','))
		const rows = parse(text)
		expect(rows.map((r) => [r.Name, r.Section, r.Assignee, r['Due Date']])).toEqual([
			['Needs mapped', 'Discover', 'Priya', '2027-01-31'],
			['Offer *co-designed*, [tested]', 'Deliver, then "embed"', 'Jo; Housing', '2027-04-30'],
			['\'=HYPERLINK("http://evil.example","click")', 'No stage', "'@alice", ''],
		])
		expect(rows[0]!.Description).toContain('Outcome: We know which homes are cold')
		expect(rows[0]!.Description).toContain(
			'Latest check-in (2026-11-27, Green): Survey done, 412 replies'
		)
	})
})
