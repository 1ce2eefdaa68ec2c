import { exportFormats, parseExportOptions, type ExportOptions } from '../shared/export/exportPlan'
import { csvPresetSchema } from '../shared/export/toCsv'
import { isCalendarDate } from '../shared/schema/dateString'

export const PLAN_USAGE = `Usage: npm run --silent plan -- FILE --format md|csv|json|ics [options]

Prints the delivery plan of a delivery map: FILE is a .tldr file saved by tldraw or Delivery Map,
or a tldraw store snapshot (JSON).

Options:
  -f, --format FORMAT   md (Markdown checklist), csv, json (the plan) or ics (iCalendar to-dos)
  -p, --preset PRESET   with --format csv: jira or asana columns instead of the canonical ones
  -t, --today DATE      the date (YYYY-MM-DD) the map checks count from; default: today
  -o, --out FILE        write the export to FILE instead of standard output
  -h, --help            show this help

Exit status: 0 on success, 1 when FILE cannot be read or written, 2 for a bad option.`

export interface PlanArgs {
	file: string
	options: ExportOptions
	out: string | undefined
}

export type ParsedPlanArgs =
	| { kind: 'help' }
	| { kind: 'run'; args: PlanArgs }
	| { kind: 'error'; file: string | undefined; message: string }

const flags = {
	'--format': 'format',
	'-f': 'format',
	'--preset': 'preset',
	'-p': 'preset',
	'--today': 'today',
	'-t': 'today',
	'--out': 'out',
	'-o': 'out',
} as const
type Flag = (typeof flags)[keyof typeof flags]

/** Reads the command line; every problem comes back as one sentence, never as a throw. */
export function parsePlanArgs(argv: readonly string[]): ParsedPlanArgs {
	const values: Partial<Record<Flag, string>> = {}
	const files: string[] = []
	let error: string | undefined
	const fail = (message: string) => {
		error ??= message
	}
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!
		if (arg === '--') {
			files.push(...argv.slice(i + 1))
			break
		}
		if (arg === '-h' || arg === '--help') return { kind: 'help' }
		if (!arg.startsWith('-') || arg === '-') {
			files.push(arg)
			continue
		}
		const eq = arg.indexOf('=')
		const name = eq === -1 ? arg : arg.slice(0, eq)
		const flag = (flags as Record<string, Flag | undefined>)[name]
		if (flag === undefined) {
			fail(`unknown option ${quote(name)}`)
			continue
		}
		let value: string | undefined
		if (eq !== -1) value = arg.slice(eq + 1)
		else if (i + 1 < argv.length && !argv[i + 1]!.startsWith('-')) value = argv[++i]
		if (value === undefined) {
			fail(`${name} needs a value`)
			continue
		}
		if (values[flag] !== undefined) fail(`--${flag} is given twice`)
		values[flag] = value
	}
	const file = files[0]
	if (files.length > 1)
		fail(`give one input file, not ${files.length} (${files.map(quote).join(', ')})`)
	if (file === undefined) fail('no input file given')
	const { format, preset, today } = values
	if (format === undefined) fail(`--format is required: ${exportFormats.join(', ')}`)
	else if (!(exportFormats as readonly string[]).includes(format)) {
		fail(`--format must be one of ${exportFormats.join(', ')}, not ${quote(format)}`)
	}
	if (preset !== undefined && !(csvPresetSchema.options as readonly string[]).includes(preset)) {
		fail(`--preset must be one of ${csvPresetSchema.options.join(', ')}, not ${quote(preset)}`)
	} else if (preset !== undefined && format !== 'csv') {
		fail('--preset only applies to --format csv')
	}
	if (today !== undefined && !isCalendarDate(today)) {
		fail(`--today must be a real date as YYYY-MM-DD, not ${quote(today)}`)
	}
	if (error === undefined && file !== undefined) {
		const parsed = parseExportOptions({
			format,
			...(preset === undefined ? {} : { preset }),
			...(today === undefined ? {} : { today }),
		})
		if (parsed.ok) return { kind: 'run', args: { file, options: parsed.options, out: values.out } }
		fail(parsed.message)
	}
	const named = files.length === 1 ? file : undefined
	return { kind: 'error', file: named, message: error ?? 'bad command line' }
}

/** A value shown inside a one-line message: quoted, control characters made visible. */
export function quote(value: string): string {
	return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
}
