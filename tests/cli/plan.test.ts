import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Papa from 'papaparse'
import ICAL from 'ical.js'
import { afterAll, describe, expect, it } from 'vitest'
import { exportPlan, type ExportOptions } from '../../shared/export/exportPlan'
import { extractPlan } from '../../shared/model/extractPlan'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const SAMPLE = fileURLToPath(new URL('../../../shared/fixtures/sample-map.tldr', import.meta.url))
const TODAY = '2026-11-21'
const scratch = mkdtempSync(join(tmpdir(), 'plan-cli-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** Runs the real command line, as `npm run plan` does. */
function plan(...args: string[]) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', 'cli/plan.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
	})
	return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function expected(options: ExportOptions): string {
	const sample = extractPlan(JSON.parse(readFileSync(SAMPLE, 'utf8')), { today: TODAY })
	return exportPlan(sample, options).text
}

/** The error contract: nothing on stdout, exactly one line on stderr naming the file, no stack. */
function expectOneLineError(result: ReturnType<typeof plan>, file: string | null, problem: RegExp) {
	expect(result.status).not.toBe(0)
	expect(result.stdout).toBe('')
	expect(result.stderr.endsWith('\n')).toBe(true)
	expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
	expect(result.stderr).toMatch(/^plan: /)
	if (file !== null) expect(result.stderr.startsWith(`plan: ${file}: `)).toBe(true)
	expect(result.stderr).toMatch(problem)
	expect(result.stderr).not.toMatch(/\n\s+at |Error:/)
}

function file(name: string, content: string): string {
	const path = join(scratch, name)
	writeFileSync(path, content)
	return path
}

describe('plan command line on the sample map', () => {
	it.each(['md', 'csv', 'json', 'ics'] as const)(
		'prints the %s export, the same bytes as exportPlan, and nothing on stderr',
		(format) => {
			const result = plan(SAMPLE, '--format', format, '--today', TODAY)
			expect(result.stderr).toBe('')
			expect(result.status).toBe(0)
			expect(result.stdout).toBe(expected({ format, today: TODAY }))
		}
	)

	it('prints Markdown grouped by stage with every milestone as a checkbox', () => {
		const { stdout } = plan(SAMPLE, '--format', 'md', '--today', TODAY)
		expect(stdout.split('\n').filter((l) => l.startsWith('## '))).toEqual([
			'## Discover',
			'## Design',
			'## Deliver',
			'## Embed',
			'## Map checks',
		])
		expect(stdout.split('\n').filter((l) => l.startsWith('- [ ] '))).toHaveLength(5)
	})

	it('prints CSV that a CSV parser reads back as one row per milestone then enablers and blockers', () => {
		const { stdout } = plan(SAMPLE, '--format', 'csv', '--today', TODAY)
		const rows = Papa.parse<Record<string, string>>(stdout.replace(/^\uFEFF/, ''), {
			header: true,
			skipEmptyLines: true,
		})
		expect(rows.errors).toEqual([])
		expect(rows.data.map((r) => r.Type)).toEqual([
			...Array<string>(5).fill('milestone'),
			...Array<string>(4).fill('enabler'),
			...Array<string>(3).fill('blocker'),
		])
	})

	it('prints JSON that is the plan', () => {
		const { stdout } = plan(SAMPLE, '--format', 'json', '--today', TODAY)
		expect(JSON.parse(stdout)).toEqual(
			extractPlan(JSON.parse(readFileSync(SAMPLE, 'utf8')), { today: TODAY })
		)
	})

	it('prints an iCalendar that ical.js reads, with five to-dos', () => {
		const { stdout } = plan(SAMPLE, '--format', 'ics', '--today', TODAY)
		const calendar = new ICAL.Component(ICAL.parse(stdout))
		expect(calendar.getAllSubcomponents('vtodo')).toHaveLength(5)
		expect(stdout).toContain('DTSTAMP:20261121T000000Z\r\n')
	})

	it.each(['jira', 'asana'] as const)('prints the %s CSV preset', (preset) => {
		const result = plan(SAMPLE, '--format=csv', `--preset=${preset}`, `--today=${TODAY}`)
		expect(result.status).toBe(0)
		expect(result.stdout).toBe(expected({ format: 'csv', preset, today: TODAY }))
	})

	it('reads a tldraw store snapshot as well as a .tldr file, with a UTF-8 BOM or without', () => {
		const tldr = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
			schema: unknown
			records: { id: string }[]
		}
		const store = Object.fromEntries(tldr.records.map((r) => [r.id, r]))
		const snapshot = file(
			'snapshot.json',
			`\uFEFF${JSON.stringify({ store, schema: tldr.schema })}`
		)
		const result = plan(snapshot, '--format', 'md', '--today', TODAY)
		expect([result.status, result.stderr]).toEqual([0, ''])
		expect(result.stdout).toBe(expected({ format: 'md', today: TODAY }))
	})

	it('writes to --out instead of stdout, replacing the file and leaving no temporary file', () => {
		const out = file('plan.md', 'old content')
		const result = plan(SAMPLE, '--format', 'md', '--today', TODAY, '--out', out)
		expect([result.status, result.stdout, result.stderr]).toEqual([0, '', ''])
		expect(readFileSync(out, 'utf8')).toBe(expected({ format: 'md', today: TODAY }))
		expect(readdirSync(scratch).filter((n) => n.endsWith('.tmp'))).toEqual([])
	})

	it('runs through the package script `npm run --silent plan`', () => {
		const result = spawnSync(
			'npm',
			['run', '--silent', 'plan', '--', SAMPLE, '--format', 'json', '--today', TODAY],
			{ cwd: ROOT, encoding: 'utf8' }
		)
		expect(result.status).toBe(0)
		expect(result.stdout).toBe(expected({ format: 'json', today: TODAY }))
	})

	it('prints usage for --help', () => {
		const result = plan('--help')
		expect(result.status).toBe(0)
		expect(result.stdout).toMatch(
			/^Usage: npm run --silent plan -- FILE --format md\|csv\|json\|ics/
		)
		expect(result.stderr).toBe('')
	})
})

describe("plan command line and the map's name", () => {
	/** A small .tldr: the sample's schema, a document named `name`, a page and one milestone. */
	function namedMap(fileName: string, name: string): string {
		const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as {
			schema: unknown
			records: { id: string }[]
		}
		const keep = new Set(['document:document', 'page:page', 'shape:m-needs'])
		const records = sample.records
			.filter((r) => keep.has(r.id))
			.map((r) =>
				r.id === 'document:document'
					? { ...r, name }
					: r.id === 'shape:m-needs'
						? { ...r, parentId: 'page:page' }
						: r
			)
		return file(
			fileName,
			JSON.stringify({ tldrawFileFormatVersion: 1, schema: sample.schema, records })
		)
	}

	it('heads the Markdown with the name of the map in the file, and names its iCalendar', () => {
		const map = namedMap('named.tldr', 'Retrofit programme 2027')
		const md = plan(map, '--format', 'md', '--today', TODAY)
		expect([md.status, md.stderr]).toEqual([0, ''])
		expect(md.stdout.startsWith('# Delivery plan: Retrofit programme 2027\n\n')).toBe(true)
		expect(md.stdout).toContain("Residents' energy needs mapped")
		const ics = plan(map, '--format', 'ics', '--today', TODAY)
		expect(ics.status).toBe(0)
		expect(ics.stdout).toContain('\r\nX-WR-CALNAME:Retrofit programme 2027\r\n')
		expect(new ICAL.Component(ICAL.parse(ics.stdout)).getAllSubcomponents('vtodo')).toHaveLength(1)
	})

	it('cleans and escapes the name it reads from the file', () => {
		const map = namedMap('hostile.tldr', '  # *Retrofit*\n## [programme](x)  ')
		const { status, stdout } = plan(map, '--format', 'md', '--today', TODAY)
		expect(status).toBe(0)
		expect(stdout.split('\n')[0]).toBe(
			'# Delivery plan: \\# \\*Retrofit\\* \\#\\# \\[programme\\](x)'
		)
		expect(stdout.split('\n').filter((l) => l.startsWith('# '))).toHaveLength(1)
	})

	it('keeps the plain heading for the sample map, whose name is empty', () => {
		const { stdout } = plan(SAMPLE, '--format', 'md', '--today', TODAY)
		expect(stdout.startsWith('# Delivery plan\n\n')).toBe(true)
		expect(plan(namedMap('unnamed.tldr', ''), '--format', 'md').stdout).toMatch(
			/^# Delivery plan\n\n/
		)
	})

	it('leaves the name out of CSV and JSON', () => {
		const named = namedMap('csv-named.tldr', 'Retrofit programme')
		const unnamed = namedMap('csv-unnamed.tldr', '')
		for (const format of ['csv', 'json']) {
			const a = plan(named, '--format', format, '--today', TODAY)
			expect(a.status).toBe(0)
			expect(a.stdout).toBe(plan(unnamed, '--format', format, '--today', TODAY).stdout)
			expect(a.stdout).not.toContain('Retrofit programme')
		}
	})
})

describe('plan command line errors', () => {
	it('names a missing file', () => {
		const missing = join(scratch, 'no-such-map.tldr')
		expectOneLineError(plan(missing, '--format', 'md'), missing, /no such file$/m)
	})

	it('names a file that is not JSON', () => {
		const notJson = file('notes.tldr', 'hello\nworld {')
		expectOneLineError(plan(notJson, '--format', 'md'), notJson, /not a JSON file/)
	})

	it('names JSON that is not a tldraw file', () => {
		const other = file('package.json', '{ "name": "something else" }')
		expectOneLineError(plan(other, '--format', 'csv'), other, /not a tldraw file/)
		const number = file('number.json', '42')
		expectOneLineError(plan(number, '--format', 'csv'), number, /Expected a tldraw file/)
	})

	it('names a folder given as the file', () => {
		expectOneLineError(plan(scratch, '--format', 'md'), scratch, /is a folder/)
	})

	it('refuses an unknown --format', () => {
		expectOneLineError(
			plan(SAMPLE, '--format', 'xml'),
			SAMPLE,
			/--format must be one of md, csv, json, ics, not "xml"/
		)
	})

	it('refuses a missing --format, a missing value and an unknown option', () => {
		expectOneLineError(plan(SAMPLE), SAMPLE, /--format is required/)
		expectOneLineError(plan(SAMPLE, '--format'), SAMPLE, /--format needs a value/)
		expectOneLineError(
			plan(SAMPLE, '--format', 'md', '--colour'),
			SAMPLE,
			/unknown option "--colour"/
		)
		expectOneLineError(plan('--format', 'md'), null, /no input file given/)
	})

	it('refuses a date that is not a real YYYY-MM-DD date', () => {
		for (const bad of ['2026-02-30', '21/11/2026', 'tomorrow']) {
			expectOneLineError(
				plan(SAMPLE, '--format', 'md', '--today', bad),
				SAMPLE,
				/--today must be a real date as YYYY-MM-DD/
			)
		}
	})

	it('refuses a preset other than jira or asana, or one with a format other than csv', () => {
		expectOneLineError(plan(SAMPLE, '--format', 'csv', '--preset', 'trello'), SAMPLE, /jira, asana/)
		expectOneLineError(
			plan(SAMPLE, '--format', 'md', '--preset', 'jira'),
			SAMPLE,
			/--preset only applies to --format csv/
		)
	})

	it('refuses to write over its input and leaves the input untouched', () => {
		const map = file('map.tldr', readFileSync(SAMPLE, 'utf8'))
		expectOneLineError(plan(map, '--format', 'md', '--out', map), map, /over the input file/)
		expect(readFileSync(map, 'utf8')).toBe(readFileSync(SAMPLE, 'utf8'))
	})

	it('names an --out file it cannot write', () => {
		const out = join(scratch, 'missing-folder', 'plan.md')
		expectOneLineError(plan(SAMPLE, '--format', 'md', '--out', out), out, /no such folder/)
	})
})
