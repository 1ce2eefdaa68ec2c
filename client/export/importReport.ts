import { extractPlan } from '../../shared/model/extractPlan'
import type { MapFileContents } from './readMapFile'

export interface ImportReport {
	/** What the map holds, e.g. "2 stages, 5 milestones, 3 enablers, 1 blocker (23 shapes)". */
	contents: string
	/** Records that could not be read and were left out. */
	skipped: number
	/** Values that were missing or invalid and were filled in or fixed. */
	repaired: number
	/** "3 records skipped, 2 values repaired", or "" when the file was read as it is. */
	headline: string
	/** One message per thing the restore path did, as it reported them. */
	details: string[]
}

function count(n: number, one: string, many = `${one}s`) {
	return `${n} ${n === 1 ? one : many}`
}

/** What reading a map file found and changed, in words for the person who chose the file. */
export function importReport(file: MapFileContents): ImportReport {
	const plan = extractPlan(file.records)
	const contents = `${count(plan.stages.length, 'stage')}, ${count(plan.milestones.length, 'milestone')}, ${count(plan.enablers.length, 'enabler')}, ${count(plan.blockers.length, 'blocker')} (${count(file.shapeCount, 'shape')} in all)`
	const skipped = file.diagnostics.filter(
		(d) =>
			d.code === 'record-unreadable' ||
			d.code === 'record-duplicate-id' ||
			d.code === 'arrow-dangling'
	).length
	const repaired = file.diagnostics.length - skipped
	const parts = []
	if (skipped > 0) parts.push(`${count(skipped, 'record')} skipped`)
	if (repaired > 0) parts.push(`${count(repaired, 'value')} repaired`)
	return {
		contents,
		skipped,
		repaired,
		headline: parts.join(', '),
		details: file.diagnostics.map((d) => d.message),
	}
}

/** A short note for the new map's page: what was opened and what reading it changed. */
export function importNoticeText(file: MapFileContents, report: ImportReport): string {
	const first = report.details.slice(0, 3).join(' ')
	const more = report.details.length > 3 ? ` (and ${report.details.length - 3} more)` : ''
	const fixes = report.headline === '' ? '' : ` ${report.headline}: ${first}${more}`
	return `Opened ${file.fileName} as a new map: ${report.contents}.${fixes}`
}
