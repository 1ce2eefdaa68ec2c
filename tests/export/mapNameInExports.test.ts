import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { exportPlan, parseExportOptions } from '../../shared/export/exportPlan'
import { toCheckinReport } from '../../shared/export/toCheckinReport'
import { toIcs } from '../../shared/export/toIcs'
import { toMarkdown } from '../../shared/export/toMarkdown'
import { MAX_MAP_NAME_LENGTH } from '../../shared/model/mapName'
import { emptyPlan, handBuiltPlan } from './handBuiltPlan'

const TODAY = '2026-11-21'
/** A name that would break each format if it went in raw. */
const HOSTILE =
	'# *x* [y](z)\n## Injected <b>html</b> & `code` ~~s~~ | t |\r\nEND:VCALENDAR;a=1,b\\c'

const headings = (text: string) => text.split('\n').filter((l) => /^#{1,6} /.test(l))

/** Markdown's first line, and everything after it. */
function splitFirstLine(text: string): [string, string] {
	const at = text.indexOf('\n')
	return [text.slice(0, at), text.slice(at)]
}

describe('the Markdown export names the map', () => {
	it('in its heading, with everything after the heading unchanged', () => {
		const plan = handBuiltPlan()
		const named = toMarkdown(plan, { mapName: 'Retrofit programme 2027' })
		const [heading, rest] = splitFirstLine(named)
		expect(heading).toBe('# Delivery plan: Retrofit programme 2027')
		expect(rest).toBe(splitFirstLine(toMarkdown(plan))[1])
	})

	it('keeps the plain heading, byte for byte, without a name or with an empty one', () => {
		const plan = handBuiltPlan()
		const unnamed = toMarkdown(plan)
		expect(unnamed.startsWith('# Delivery plan\n\n')).toBe(true)
		for (const mapName of [undefined, '', '  ', '\n\t\u0000']) {
			expect(toMarkdown(plan, { mapName })).toBe(unnamed)
		}
	})

	it('escapes a hostile name onto the one heading line', () => {
		const text = toMarkdown(handBuiltPlan(), { mapName: HOSTILE })
		const [heading] = splitFirstLine(text)
		expect(heading).toBe(
			'# Delivery plan: \\# \\*x\\* \\[y\\](z) \\#\\# Injected \\<b\\>html\\</b\\> \\& \\`code\\` \\~\\~s\\~\\~ \\| t \\| END:VCALENDAR;a=1,b\\\\c'
		)
		expect(headings(text)).toEqual([heading, ...headings(toMarkdown(handBuiltPlan())).slice(1)])
		// No special character in the heading is unescaped.
		const body = heading.slice('# '.length)
		expect(body.replace(/\\[\\`*_[\]<>&~|#]/g, '').replace(/[^\\`*_[\]<>&~|#]/g, '')).toBe('')
	})

	it('cuts a long name as the map does', () => {
		const text = toMarkdown(emptyPlan(), { mapName: 'x'.repeat(300) })
		expect(splitFirstLine(text)[0]).toBe(`# Delivery plan: ${'x'.repeat(MAX_MAP_NAME_LENGTH)}`)
	})
})

describe('the check-in report names the map', () => {
	it('in its heading, with everything after the heading unchanged', () => {
		const plan = handBuiltPlan()
		const named = toCheckinReport(plan, { today: TODAY, mapName: 'Retrofit programme' })
		const [heading, rest] = splitFirstLine(named)
		expect(heading).toBe('# Check-in report: Retrofit programme')
		expect(rest).toBe(splitFirstLine(toCheckinReport(plan, { today: TODAY }))[1])
	})

	it('keeps the plain heading, byte for byte, without a name', () => {
		const plan = handBuiltPlan()
		const unnamed = toCheckinReport(plan, { today: TODAY })
		expect(unnamed.startsWith('# Check-in report\n\n')).toBe(true)
		expect(toCheckinReport(plan, { today: TODAY, mapName: '' })).toBe(unnamed)
		expect(toCheckinReport(plan, { today: TODAY, mapName: ' \n ' })).toBe(unnamed)
	})

	it('escapes a hostile name onto the one heading line', () => {
		const plan = handBuiltPlan()
		const text = toCheckinReport(plan, { today: TODAY, mapName: HOSTILE })
		const [heading, rest] = splitFirstLine(text)
		expect(heading).toBe(
			'# Check-in report: \\# \\*x\\* \\[y\\](z) \\#\\# Injected \\<b\\>html\\</b\\> \\& \\`code\\` \\~\\~s\\~\\~ \\| t \\| END:VCALENDAR;a=1,b\\\\c'
		)
		expect(rest).toBe(splitFirstLine(toCheckinReport(plan, { today: TODAY }))[1])
	})
})

/** RFC 5545 TEXT unescaping: ical.js leaves an X- property's value as written. */
function unescapeIcsText(value: string): string {
	return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

function parseCalendar(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text))
	expect(calendar.name).toBe('vcalendar')
	return calendar
}

function calendarName(text: string): string {
	const raw = parseCalendar(text).getFirstPropertyValue('x-wr-calname')
	expect(typeof raw).toBe('string')
	return unescapeIcsText(raw as string)
}

describe('the iCalendar export names the map', () => {
	it('as the calendar name (X-WR-CALNAME), read back by ical.js, with the rest unchanged', () => {
		const plan = handBuiltPlan()
		const named = toIcs(plan, { today: TODAY, mapName: 'Retrofit programme' })
		const unnamed = toIcs(plan, { today: TODAY })
		expect(named).toContain(
			'\r\nCALSCALE:GREGORIAN\r\nX-WR-CALNAME:Retrofit programme\r\nBEGIN:VTODO\r\n'
		)
		expect(named.match(/X-WR-CALNAME/g)).toHaveLength(1)
		expect(named.replace('X-WR-CALNAME:Retrofit programme', 'X-WR-CALNAME:Delivery plan')).toBe(
			unnamed
		)
		const calendar = parseCalendar(named)
		expect(calendarName(named)).toBe('Retrofit programme')
		expect(calendar.getAllSubcomponents('vtodo')).toHaveLength(plan.milestones.length)
	})

	it('keeps the unnamed calendar, byte for byte, without a name', () => {
		const plan = handBuiltPlan()
		const unnamed = toIcs(plan, { today: TODAY })
		expect(unnamed).toContain('\r\nX-WR-CALNAME:Delivery plan\r\n')
		expect(toIcs(plan, { today: TODAY, mapName: '' })).toBe(unnamed)
		expect(toIcs(plan, { today: TODAY, mapName: '\r\n ' })).toBe(unnamed)
		expect(toIcs(plan, { mapName: '' })).toBe(toIcs(plan))
	})

	it('escapes a hostile name, so it cannot add a property or component', () => {
		const text = toIcs(handBuiltPlan(), { today: TODAY, mapName: HOSTILE })
		const calendar = parseCalendar(text)
		expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vtodo', 'vtodo', 'vtodo'])
		expect(calendar.getAllProperties().map((p) => p.name)).toEqual([
			'version',
			'prodid',
			'calscale',
			'x-wr-calname',
		])
		// Line breaks became spaces (a name is one line); `;`, `,` and `\` are escaped.
		expect(calendarName(text)).toBe(
			'# *x* [y](z) ## Injected <b>html</b> & `code` ~~s~~ | t | END:VCALENDAR;a=1,b\\c'
		)
		expect(text.replace(/\r\n /g, '')).toContain('END:VCALENDAR\\;a=1\\,b\\\\c\r\nBEGIN:VTODO')
		expect(text.split('\r\n').filter((l) => l === 'END:VCALENDAR')).toHaveLength(1)
	})

	it('folds a long name at 75 octets without cutting a character, and ical.js unfolds it', () => {
		const mapName = `Programme de rénovation ${'日本語のタイトル🎉'.repeat(20)}`
		const text = toIcs(emptyPlan(), { today: TODAY, mapName })
		for (const line of text.split('\r\n')) {
			expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
		}
		expect(text).not.toContain('\uFFFD')
		expect(calendarName(text)).toBe(Array.from(mapName).slice(0, MAX_MAP_NAME_LENGTH).join(''))
	})
})

describe('exportPlan passes the map name on', () => {
	it('to Markdown and iCalendar, cleaned', () => {
		const plan = handBuiltPlan()
		const mapName = '  Retrofit\nprogramme  '
		expect(exportPlan(plan, { format: 'md', mapName }).text).toBe(
			toMarkdown(plan, { mapName: 'Retrofit programme' })
		)
		expect(exportPlan(plan, { format: 'ics', today: TODAY, mapName }).text).toBe(
			toIcs(plan, { today: TODAY, mapName: 'Retrofit programme' })
		)
		expect(exportPlan(plan, { format: 'ics', mapName }).text).toContain(
			'\r\nX-WR-CALNAME:Retrofit programme\r\n'
		)
	})

	it('not to CSV or JSON, which stay the same bytes', () => {
		const plan = handBuiltPlan()
		for (const options of [
			{ format: 'csv' },
			{ format: 'csv', preset: 'jira' },
			{ format: 'csv', preset: 'asana' },
			{ format: 'json' },
		] as const) {
			expect(exportPlan(plan, { ...options, mapName: 'Retrofit programme' }).text).toBe(
				exportPlan(plan, options).text
			)
		}
	})

	it('gives the unnamed exports without a name or with an empty one', () => {
		const plan = handBuiltPlan()
		for (const format of ['md', 'ics'] as const) {
			expect(exportPlan(plan, { format, mapName: '' }).text).toBe(exportPlan(plan, { format }).text)
		}
	})

	it('refuses a map name that is not text', () => {
		expect(parseExportOptions({ format: 'md', mapName: 42 })).toEqual({
			ok: false,
			message: 'mapName must be text',
		})
		expect(parseExportOptions({ format: 'md', mapName: 'Plan' })).toEqual({
			ok: true,
			options: { format: 'md', mapName: 'Plan' },
		})
	})
})
