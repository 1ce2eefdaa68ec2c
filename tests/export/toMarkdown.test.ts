import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from '../../shared/export/escapeMarkdown'
import { toMarkdown } from '../../shared/export/toMarkdown'
import { emptyPlan, handBuiltPlan } from './handBuiltPlan'

const headings = (text: string) => text.split('\n').filter((l) => /^#{1,6} /.test(l))
const checkboxes = (text: string) => text.split('\n').filter((l) => /^- \[[ x]\] /.test(l))

/** The lines under the checkbox of the milestone titled `title`, up to the next blank line. */
function block(text: string, title: string): string[] {
	const lines = text.split('\n')
	const start = lines.findIndex((l) => /^- \[[ x]\] /.test(l) && l.includes(`**${title}**`))
	expect(start).toBeGreaterThanOrEqual(0)
	const end = lines.indexOf('', start)
	return lines.slice(start, end)
}

describe('Markdown export', () => {
	it('groups milestones under their stage in stage order, then "No stage", then the map checks', () => {
		const text = toMarkdown(handBuiltPlan())
		expect(headings(text)).toEqual([
			'# Delivery plan',
			'## Discover',
			'## Deliver, then "embed"',
			'## Unnamed stage',
			'## No stage',
			'## Map checks',
			'### Errors (1)',
			'### Warnings (3)',
			'### Information (1)',
		])
		const sectionOf = (title: string) => {
			const lines = text.split('\n')
			const at = lines.findIndex((l) => l.includes(`**${title}**`))
			return lines
				.slice(0, at)
				.filter((l) => l.startsWith('## '))
				.at(-1)
		}
		expect(sectionOf('Needs mapped')).toBe('## Discover')
		expect(sectionOf('Offer \\*co-designed\\*, \\[tested\\]')).toBe('## Deliver, then "embed"')
		expect(sectionOf('=HYPERLINK("http://evil.example","click")')).toBe('## No stage')
		expect(text).toContain('## Unnamed stage\n\n_No milestones in this stage._\n')
	})

	it('makes each milestone a checkbox, ticked only when done', () => {
		expect(checkboxes(toMarkdown(handBuiltPlan()))).toEqual([
			'- [x] **Needs mapped**',
			'- [ ] **Offer \\*co-designed\\*, \\[tested\\]**',
			'- [ ] **=HYPERLINK("http://evil.example","click")**',
		])
	})

	it('gives owner, unblocker, due, status, RAG as words and the latest check-in with its date', () => {
		const text = toMarkdown(handBuiltPlan())
		expect(block(text, 'Needs mapped')).toEqual([
			'- [x] **Needs mapped**',
			'  - Owner: Priya · Unblocker: Sam · Due: 2027-01-31',
			'  - Status: Done · RAG: 🟢 Green',
			'  - Outcome: We know which homes are cold',
			'  - Latest check-in (2026-11-27, Green): Survey done, 412 replies',
		])
	})

	it('lists dependencies by title, enablers and blockers under the milestone, with arrow notes', () => {
		const text = toMarkdown(handBuiltPlan())
		expect(block(text, 'Offer \\*co-designed\\*, \\[tested\\]')).toEqual([
			'- [ ] **Offer \\*co-designed\\*, \\[tested\\]**',
			'  - Owner: Jo; Housing · Unblocker: _not set_ · Due: 2027-04-30',
			'  - Status: In progress · RAG: 🟠 Amber',
			'  - Depends on:',
			'    - Needs mapped · arrow note: “needs the survey”',
			'  - Enablers:',
			'    - **Legal: Data-sharing agreement** · how: advice · needed by: 2027-02-15 · owner: Lee · status: Requested',
			'  - Blockers:',
			'    - **Framework expires** · kind: Contract · severity: High · status: Open · owner: Alex · arrow note: “renew by March”',
			'    - **Consent pending** · kind: Approval · severity: Medium · status: Resolved · owner: _not set_ · via enabler Legal: Data-sharing agreement · arrow note: “council sign-off”',
		])
	})

	it('lists enablers and blockers linked to no milestone under their stage', () => {
		const text = toMarkdown(handBuiltPlan())
		expect(text).toContain(
			'Not linked to any milestone:\n\n- Blocker: **\\# Not a heading** · kind: Other · severity: Low · status: Open · owner: Kim\n'
		)
		expect(text).toContain(
			'Not linked to any milestone:\n\n- Enabler: **HR: Two secondments** · how: _not set_ · needed by: _not set_ · owner: _not set_ · status: Agreed\n'
		)
	})

	it('lists the map checks by severity with the shape they are about', () => {
		const text = toMarkdown(handBuiltPlan())
		const checks = text.slice(text.indexOf('## Map checks'))
		expect(checks).toBe(
			[
				'## Map checks',
				'',
				'### Errors (1)',
				'',
				'- An open high-severity blocker is on a milestone due within 30 days. (`blocker-high-due-soon`, on Framework expires)',
				'',
				'### Warnings (3)',
				'',
				'- This milestone has no unblocker. (`milestone-no-unblocker`, on Offer \\*co-designed\\*, \\[tested\\])',
				'- This milestone has no due date. (`milestone-no-due`, on =HYPERLINK("http://evil.example","click"))',
				'- This shape is outside any stage. (`shape-outside-stage`, on =HYPERLINK("http://evil.example","click"))',
				'',
				'### Information (1)',
				'',
				'- RAG taken from the newest check-in. (`rag-from-checkin`)',
				'',
			].join('\n')
		)
	})

	it('does not name the shape twice when the message already quotes its title', () => {
		const plan = handBuiltPlan()
		plan.diagnostics[0]!.message = 'Milestone "Offer *co-designed*, [tested]" has no unblocker.'
		expect(toMarkdown(plan)).toContain(
			'- Milestone "Offer \\*co-designed\\*, \\[tested\\]" has no unblocker. (`milestone-no-unblocker`)\n'
		)
	})

	it('shortens a long shape name in the map checks to 80 characters', () => {
		const plan = handBuiltPlan()
		plan.blockers[0]!.title = '🎉'.repeat(200)
		expect(toMarkdown(plan)).toContain(`(\`blocker-high-due-soon\`, on ${'🎉'.repeat(79)}…)\n`)
	})

	it('keeps its structure whatever a title holds: line breaks, hashes, list markers, emphasis, links, HTML', () => {
		const plan = handBuiltPlan()
		const hostile =
			'A\n# Heading\n- [x] fake item\r\n> quote **bold** _em_ `code` [link](x) <b>html</b> &amp; ~~s~~ | t |'
		plan.milestones[0]!.title = hostile
		plan.milestones[0]!.owner = '\n## Owner heading'
		plan.stages[0]!.name = 'Stage #'
		plan.diagnostics[0]!.message = 'message\n### injected'
		const text = toMarkdown(plan)
		expect(headings(text)).toEqual([
			'# Delivery plan',
			'## Stage \\#',
			'## Deliver, then "embed"',
			'## Unnamed stage',
			'## No stage',
			'## Map checks',
			'### Errors (1)',
			'### Warnings (3)',
			'### Information (1)',
		])
		expect(checkboxes(text)).toHaveLength(3)
		const title = checkboxes(text)[0]!
		expect(title).toBe(
			'- [x] **A \\# Heading - \\[x\\] fake item \\> quote \\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\[link\\](x) \\<b\\>html\\</b\\> \\&amp; \\~\\~s\\~\\~ \\| t \\|**'
		)
		// Every unescaped special character in the title is ours: the two pairs of bold markers.
		const body = title.slice('- [x] '.length)
		expect(body.replace(/\\[\\`*_[\]<>&~|#]/g, '').replace(/[^`*_[\]<>&~|#]/g, '')).toBe('****')
	})

	it('escapes Markdown-special characters and flattens line breaks and control characters', () => {
		expect(escapeMarkdown('a*b_c`d[e]f<g>h&i~j|k#l\\m')).toBe(
			'a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\&i\\~j\\|k\\#l\\\\m'
		)
		expect(escapeMarkdown('one\ntwo\r\nthree\rfour\u2028five\u0000six')).toBe(
			'one two three four five six'
		)
		expect(escapeMarkdown("Jo (Housing) - 2027-01-31. Café! 'quoted'")).toBe(
			"Jo (Housing) - 2027-01-31. Café! 'quoted'"
		)
	})

	it('says so when there are no milestones and no problems', () => {
		expect(toMarkdown(emptyPlan())).toBe(
			'# Delivery plan\n\n0 stages · 0 milestones · 0 enablers · 0 blockers\n\n## Map checks\n\nNo problems found.\n'
		)
	})
})
