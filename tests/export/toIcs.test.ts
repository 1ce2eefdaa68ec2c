import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { icsUid, toIcs } from '../../shared/export/toIcs'
import { emptyPlan, handBuiltPlan } from './handBuiltPlan'

function parseCalendar(text: string) {
	const component = new ICAL.Component(ICAL.parse(text))
	expect(component.name).toBe('vcalendar')
	return component
}

function todos(text: string) {
	return parseCalendar(text).getAllSubcomponents('vtodo')
}

describe('iCalendar export', () => {
	it('is accepted by ical.js with VERSION 2.0, a PRODID and one VTODO per milestone in plan order', () => {
		const plan = handBuiltPlan()
		const calendar = parseCalendar(toIcs(plan, { today: '2026-11-21' }))
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
		expect(calendar.getFirstPropertyValue('prodid')).toBe(
			'-//Delivery Map//Delivery plan export//EN'
		)
		const list = calendar.getAllSubcomponents('vtodo')
		expect(list.map((t) => t.getFirstPropertyValue('uid'))).toEqual(
			plan.milestones.map((m) => `${m.id}@delivery-map.plan`)
		)
	})

	it('gives each VTODO its title, status, due date and stage', () => {
		const list = todos(toIcs(handBuiltPlan(), { today: '2026-11-21' }))
		const summary = list.map((t) => t.getFirstPropertyValue('summary'))
		expect(summary).toEqual([
			'Needs mapped',
			'Offer *co-designed*, [tested]',
			'=HYPERLINK("http://evil.example","click")',
		])
		expect(list.map((t) => t.getFirstPropertyValue('status'))).toEqual([
			'COMPLETED',
			'IN-PROCESS',
			'NEEDS-ACTION',
		])
		const due = list.map((t) => t.getFirstProperty('due'))
		expect(due[0]!.type).toBe('date')
		expect(String(due[0]!.getFirstValue())).toBe('2027-01-31')
		expect(String(due[1]!.getFirstValue())).toBe('2027-04-30')
		expect(due[2]).toBeNull()
		expect(list.map((t) => t.getFirstPropertyValue('categories'))).toEqual([
			'Discover',
			'Deliver, then "embed"',
			null,
		])
	})

	it('links each dependency with RELATED-TO;RELTYPE=DEPENDS-ON to the UID of the milestone it depends on', () => {
		const list = todos(toIcs(handBuiltPlan(), { today: '2026-11-21' }))
		const related = list.map((t) =>
			t.getAllProperties('related-to').map((p) => [p.getParameter('reltype'), p.getFirstValue()])
		)
		expect(related).toEqual([
			[],
			[['DEPENDS-ON', icsUid('shape:m-needs')]],
			[
				['DEPENDS-ON', icsUid('shape:m-needs')],
				['DEPENDS-ON', icsUid('shape:m-offer')],
			],
		])
		const uids = new Set(list.map((t) => t.getFirstPropertyValue('uid')))
		for (const pair of related.flat()) expect(uids.has(pair[1] as string)).toBe(true)
	})

	it('puts outcome, owner and unblocker in the description, unescaped back to the original text', () => {
		const list = todos(toIcs(handBuiltPlan(), { today: '2026-11-21' }))
		const stray = String(list[2]!.getFirstPropertyValue('description')).split('\n')
		expect(stray.slice(0, 4)).toEqual([
			'Outcome: Line one',
			'line two, with; punctuation\\',
			'Owner: @alice',
			'Unblocker: -bob',
		])
		const offer = String(list[1]!.getFirstPropertyValue('description'))
		expect(offer).toContain('Owner: Jo; Housing\nUnblocker: not set\n')
		expect(offer).toContain(
			'Blocker: Framework expires (Contract, High severity, Open, owner: Alex)'
		)
	})

	it('stamps DTSTAMP from today, so the same plan and day give the same bytes', () => {
		const text = toIcs(handBuiltPlan(), { today: '2026-11-21' })
		expect(toIcs(handBuiltPlan(), { today: '2026-11-21' })).toBe(text)
		const stamps = todos(text).map((t) => t.getFirstProperty('dtstamp')!)
		for (const stamp of stamps)
			expect(stamp.getFirstValue()!.toString()).toBe('2026-11-21T00:00:00Z')
		expect(text).toContain('\r\nDTSTAMP:20261121T000000Z\r\n')
		expect(toIcs(handBuiltPlan())).toContain('\r\nDTSTAMP:19700101T000000Z\r\n')
		expect(() => toIcs(handBuiltPlan(), { today: '2026-02-30' })).toThrow(/YYYY-MM-DD/)
	})

	it('ends every line with CRLF and keeps every line within 75 octets', () => {
		const plan = handBuiltPlan()
		plan.milestones[0]!.title = `Très long titre ${'日本語のタイトル🎉'.repeat(12)}`
		const text = toIcs(plan, { today: '2026-11-21' })
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
		expect(text).not.toMatch(/[^\r]\n/)
		for (const line of text.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
		}
		expect(todos(text)[0]!.getFirstPropertyValue('summary')).toBe(plan.milestones[0]!.title)
	})

	it('escapes text so a title cannot add a property or component', () => {
		const plan = handBuiltPlan()
		plan.milestones[0]!.title = 'Evil\r\nEND:VTODO\r\nBEGIN:VEVENT;x=1,y'
		const text = toIcs(plan, { today: '2026-11-21' })
		expect(text).toContain('SUMMARY:Evil\\nEND:VTODO\\nBEGIN:VEVENT\\;x=1\\,y\r\n')
		const calendar = parseCalendar(text)
		expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vtodo', 'vtodo', 'vtodo'])
		expect(calendar.getAllSubcomponents('vtodo')[0]!.getFirstPropertyValue('summary')).toBe(
			'Evil\nEND:VTODO\nBEGIN:VEVENT;x=1,y'
		)
	})

	it('writes a calendar with no to-dos for an empty plan', () => {
		const text = toIcs(emptyPlan(), { today: '2026-11-21' })
		expect(todos(text)).toEqual([])
		expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true)
	})
})
