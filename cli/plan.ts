// The command line: `npm run --silent plan -- FILE --format md|csv|json|ics [--preset jira|asana]
// [--today YYYY-MM-DD] [--out FILE]`. Prints the export on standard output; any problem is one
// line on standard error naming the file, and a non-zero exit status. Never a stack trace.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { exportPlan } from '../shared/export/exportPlan'
import { extractPlan } from '../shared/model/extractPlan'
import { mapNameOf } from '../shared/model/mapName'
import { restoreRecords } from '../shared/model/restoreRecords'
import { localToday } from '../shared/schema/dateString'
import { parsePlanArgs, PLAN_USAGE, type PlanArgs } from './parsePlanArgs'

const EXIT_FILE = 1
const EXIT_USAGE = 2
const EXIT_INTERNAL = 70

class CliError extends Error {
	constructor(
		readonly file: string | undefined,
		message: string,
		readonly exitCode: number
	) {
		super(message)
	}
}

function main(argv: readonly string[]): void {
	const parsed = parsePlanArgs(argv)
	if (parsed.kind === 'help') {
		process.stdout.write(`${PLAN_USAGE}\n`)
		return
	}
	if (parsed.kind === 'error') {
		throw new CliError(parsed.file, `${parsed.message} (see --help)`, EXIT_USAGE)
	}
	run(parsed.args)
}

function run({ file, options, out }: PlanArgs): void {
	if (out !== undefined && resolve(out) === resolve(file)) {
		throw new CliError(file, 'refusing to write the export over the input file (--out)', EXIT_USAGE)
	}
	// Restored once: the map's name is read from the records the plan is extracted from.
	const restored = restoreRecords(parseJson(file, readText(file)))
	const today = options.today ?? localToday()
	const plan = extractPlan(restored, { today })
	const unreadable = plan.diagnostics.find((d) => d.code === 'input-unreadable')
	if (unreadable) throw new CliError(file, unreadable.message, EXIT_FILE)
	const { text } = exportPlan(plan, { ...options, today, mapName: mapNameOf(restored.records) })
	if (out === undefined) process.stdout.write(text)
	else writeAtomically(out, text)
}

function readText(file: string): string {
	try {
		return readFileSync(file, 'utf8').replace(/^\uFEFF/, '')
	} catch (error) {
		throw new CliError(file, fileProblem(error, 'read'), EXIT_FILE)
	}
}

function parseJson(file: string, text: string): unknown {
	try {
		return JSON.parse(text)
	} catch (error) {
		const reason = error instanceof Error ? ` (${error.message})` : ''
		throw new CliError(file, `not a JSON file, so not a tldraw file${reason}`, EXIT_FILE)
	}
}

/** Writes beside the target then renames, so a failed write never leaves half a file behind. */
function writeAtomically(out: string, text: string): void {
	const temporary = `${out}.${process.pid}.tmp`
	try {
		writeFileSync(temporary, text)
		renameSync(temporary, out)
	} catch (error) {
		rmSync(temporary, { force: true })
		throw new CliError(out, fileProblem(error, 'write'), EXIT_FILE)
	}
}

function fileProblem(error: unknown, verb: 'read' | 'write'): string {
	const code = (error as { code?: unknown } | null)?.code
	if (code === 'ENOENT') return verb === 'read' ? 'no such file' : 'no such folder to write into'
	if (code === 'EISDIR') return 'is a folder, not a file'
	if (code === 'ENOTDIR') return 'a part of the path is not a folder'
	if (code === 'EACCES' || code === 'EPERM') return `permission denied (cannot ${verb} it)`
	if (code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG') return 'too large to read'
	if (code === 'ENOSPC') return 'no space left on the device'
	const reason = error instanceof Error ? error.message : String(error)
	return `cannot ${verb} it (${reason})`
}

/** One line on stderr: `plan: FILE: problem`. Control characters and line breaks become spaces. */
function report(file: string | undefined, message: string): void {
	// eslint-disable-next-line no-control-regex
	const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
	const where = file === undefined ? '' : `${oneLine(file)}: `
	process.stderr.write(`plan: ${where}${oneLine(message)}\n`)
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0)
	report(undefined, `cannot write to standard output (${error.message})`)
	process.exit(EXIT_FILE)
})

try {
	main(process.argv.slice(2))
} catch (error) {
	if (error instanceof CliError) {
		report(error.file, error.message)
		process.exitCode = error.exitCode
	} else {
		const reason = error instanceof Error ? error.message : String(error)
		report(undefined, `internal error, please report it: ${reason}`)
		process.exitCode = EXIT_INTERNAL
	}
}
