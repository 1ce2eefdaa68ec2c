import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { toCheckinReport } from '../../shared/export/toCheckinReport'
import { arrow, blocker, enabler, frame, milestone, page } from '../helpers/mapBuilder'

const TODAY = '2026-11-30'

/**
 * Six milestones across two stages: one moved Green → Amber, one had its first check-in the day
 * before the others (same round), one stayed Green, one was last checked in in September, one was
 * never checked in, one is done. Blockers: two by Alex (spelt twice), one with no owner, one
 * resolved, one linked to nothing.
 */
function records() {
	return [
		page,
		frame('shape:s1', 'Discover', 0),
		frame('shape:s2', 'Deliver', 1000),
		milestone('shape:m1', 'shape:s1', 100, 100, {
			title: 'Needs *mapped*',
			checkins: [
				{ date: '2026-10-30', rag: 'green', note: 'On track' },
				{ date: '2026-11-27', rag: 'amber', note: 'Survey slow' },
			],
		}),
		milestone('shape:m2', 'shape:s1', 100, 400, {
			title: 'Offer agreed',
			owner: 'Jo # Housing',
			unblocker: '',
			due: '2027-03-31',
			checkins: [{ date: '2026-11-26', rag: 'red', note: 'Contract <stuck>' }],
		}),
		milestone('shape:m3', 'shape:s2', 100, 100, {
			title: 'Pilot',
			checkins: [
				{ date: '2026-10-30', rag: 'green', note: '' },
				{ date: '2026-11-27', rag: 'green', note: 'Fine' },
			],
		}),
		milestone('shape:m4', 'shape:s2', 100, 400, {
			title: 'Scale up',
			checkins: [{ date: '2026-09-01', rag: 'red', note: 'Funding gap' }],
		}),
		milestone('shape:m5', 'shape:s2', 100, 700, { title: 'Embed' }),
		milestone('shape:m6', 'shape:s2', 100, 1000, { title: 'Kick-off', status: 'done' }),
		enabler('shape:e1', 'shape:s2', 500, 100, { contribution: 'Data-sharing agreement' }),
		blocker('shape:b1', 'shape:s1', 500, 400, {
			title: 'Framework expired',
			owner: 'Alex',
			severity: 'low',
		}),
		blocker('shape:b2', 'shape:s2', 500, 400, {
			title: 'DPIA sign-off',
			owner: ' alex',
			severity: 'high',
			kind: 'approval',
		}),
		blocker('shape:b3', 'shape:s1', 500, 700, { title: 'Survey tool', owner: '' }),
		blocker('shape:b4', 'shape:s1', 500, 900, {
			title: 'Old one',
			owner: 'Zoe',
			status: 'resolved',
		}),
		blocker('shape:b5', 'shape:s2', 500, 900, { title: 'Loose', owner: 'Bea' }),
		...arrow('shape:a1', 'shape:b1', 'shape:m2'),
		...arrow('shape:a2', 'shape:e1', 'shape:m3'),
		...arrow('shape:a3', 'shape:b2', 'shape:e1'),
		...arrow('shape:a4', 'shape:b3', 'shape:m1'),
		...arrow('shape:a5', 'shape:b4', 'shape:m1'),
	]
}

function section(report: string, heading: string): string[] {
	const lines = report.split('\n')
	const start = lines.indexOf(heading)
	expect(start, `missing heading ${heading}`).toBeGreaterThanOrEqual(0)
	const level = heading.split(' ')[0]!
	let end = lines.length
	for (let i = start + 1; i < lines.length; i++) {
		const hashes = /^(#+) /.exec(lines[i]!)?.[1]
		if (hashes && hashes.length <= level.length) {
			end = i
			break
		}
	}
	return lines.slice(start + 1, end).filter((l) => l !== '')
}

const report = () => toCheckinReport(extractPlan(records(), { today: TODAY }), { today: TODAY })

describe('check-in report', () => {
	it('names the latest round (spanning the days it was held), the report date and how many milestones were checked in', () => {
		const text = report()
		expect(text.startsWith('# Check-in report\n\n')).toBe(true)
		expect(text).toContain(
			'Latest check-in round: 2026-11-26 to 2026-11-27 · Report date: 2026-11-30 · 3 of 6 milestones checked in this round'
		)
	})

	it('says what changed since each milestone’s previous check-in: moves, first check-ins, unchanged', () => {
		expect(section(report(), '### RAG moved (1)')).toEqual([
			'- **Needs \\*mapped\\*** (Discover): 🟢 Green → 🟠 Amber (since 2026-10-30) · Survey slow',
		])
		expect(section(report(), '### First check-in (1)')).toEqual([
			'- **Offer agreed** (Discover): first check-in, 🔴 Red · Contract \\<stuck\\>',
		])
		expect(section(report(), '### RAG unchanged (1)')).toEqual([
			'- **Pilot** (Deliver): 🟢 Green, unchanged since 2026-10-30 · Fine',
		])
	})

	it('lists what is red now with people, due date and the latest note, including reds from older rounds', () => {
		expect(section(report(), '## Red now (2)')).toEqual([
			'- **Offer agreed** (Discover) · Owner: Jo \\# Housing · Unblocker: _not set_ · Due: 2027-03-31 · Latest check-in (2026-11-26): Contract \\<stuck\\>',
			'- **Scale up** (Deliver) · Owner: Owner · Unblocker: Unblocker · Due: 2027-06-30 · Latest check-in (2026-09-01): Funding gap',
		])
	})

	it('lists milestones not done without a check-in in the last 35 days, and those never checked in', () => {
		expect(section(report(), '## No check-in in the last 35 days (2)')).toEqual([
			'- **Scale up** (Deliver) · last check-in 2026-09-01 (90 days ago)',
			'- **Embed** (Deliver) · never checked in',
		])
	})

	it('counts a check-in exactly 35 days old as recent and one 36 days old as missing', () => {
		const at = (date: string) =>
			toCheckinReport(
				extractPlan(
					[
						page,
						frame('shape:s', 'Discover', 0),
						milestone('shape:m', 'shape:s', 0, 0, {
							checkins: [{ date, rag: 'green', note: '' }],
						}),
					],
					{ today: TODAY }
				),
				{ today: TODAY }
			)
		expect(at('2026-10-26')).toContain('## No check-in in the last 35 days (0)')
		expect(at('2026-10-25')).toContain('## No check-in in the last 35 days (1)')
	})

	it('groups open blockers by owner, case-insensitively, highest severity first, with "Owner not set" last', () => {
		const text = report()
		const headings = text
			.split('\n')
			.filter((l) => l.startsWith('### ') && !l.includes('RAG') && !l.includes('check-in'))
		expect(headings).toEqual(['### Alex (2)', '### Bea (1)', '### Owner not set (1)'])
		expect(section(text, '### Alex (2)')).toEqual([
			'- **DPIA sign-off** · High severity · Approval · blocks: Pilot (via Legal: Data-sharing agreement)',
			'- **Framework expired** · Low severity · Contract · blocks: Offer agreed',
		])
		expect(section(text, '### Bea (1)')).toEqual([
			'- **Loose** · Medium severity · Contract · blocks: _no milestone linked_',
		])
		expect(section(text, '### Owner not set (1)')).toEqual([
			'- **Survey tool** · Medium severity · Contract · blocks: Needs \\*mapped\\*',
		])
		expect(text).not.toContain('Old one')
		expect(text).toContain('## Open blockers by owner (4)')
	})

	it('says so plainly when nothing has been checked in, nothing is red and nothing is blocked', () => {
		const text = toCheckinReport(
			extractPlan([page, frame('shape:s', 'Discover', 0)], { today: TODAY }),
			{ today: TODAY }
		)
		expect(text).toContain('Latest check-in round: none yet')
		expect(text).toContain('_No check-ins have been recorded yet._')
		expect(text).toContain('_No milestone is red._')
		expect(text).toContain('_Every milestone not done has a recent check-in._')
		expect(text).toContain('_No open blockers._')
	})

	it('keeps hostile text on one line so it cannot add headings or list items', () => {
		const text = toCheckinReport(
			extractPlan(
				[
					page,
					frame('shape:s', 'Discover', 0),
					milestone('shape:m', 'shape:s', 0, 0, {
						title: 'A\n# Injected heading',
						checkins: [{ date: '2026-11-27', rag: 'red', note: 'line\n- injected item' }],
					}),
					blocker('shape:b', 'shape:s', 0, 300, { owner: 'Eve\n## Owned' }),
					...arrow('shape:a', 'shape:b', 'shape:m'),
				],
				{ today: TODAY }
			),
			{ today: TODAY }
		)
		const lines = text.split('\n')
		expect(lines.some((l) => l.startsWith('# Injected') || l.startsWith('## Owned'))).toBe(false)
		expect(lines.some((l) => l.startsWith('- injected'))).toBe(false)
		expect(text).toContain('### Eve \\#\\# Owned (1)')
	})

	it('gives the same report for the same plan and date', () => {
		expect(report()).toBe(report())
	})
})
