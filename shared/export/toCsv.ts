import { z } from 'zod'
import type { Plan, PlanBlocker, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import { describeMilestone } from './describeMilestone'
import { exportLabels } from './exportLabels'
import { formatCsv } from './formatCsv'
import {
	enablerTitle,
	indexPlan,
	latestCheckin,
	milestoneTitle,
	NO_STAGE,
	shapeLabel,
	stageName,
	type PlanIndex,
} from './indexPlan'

export const csvPresetSchema = z.enum(['jira', 'asana'])
export type CsvPreset = z.infer<typeof csvPresetSchema>

export const canonicalCsvColumns = [
	'ID',
	'Type',
	'Title',
	'Stage',
	'Owner',
	'Unblocker',
	'Due',
	'Status',
	'RAG',
	'Depends on',
	'Enablers',
	'Blockers',
	'Last check-in',
	'Note',
] as const
export const jiraCsvColumns = [
	'Summary',
	'Issue Type',
	'Issue ID',
	'Description',
	'Assignee',
	'Due Date',
	'Labels',
] as const
export const asanaCsvColumns = ['Name', 'Description', 'Section', 'Assignee', 'Due Date'] as const

/** How several ids share one cell ("Depends on", "Enablers", "Blockers"). */
export const CSV_LIST_SEPARATOR = '; '

type Row<C extends readonly string[]> = Record<C[number], string>

/**
 * The plan as CSV (see `formatCsv` for the encoding).
 *
 * Canonical (no preset): one row per milestone in plan order, then one per enabler, then one per
 * blocker (column `Type` tells them apart). Relation cells hold shape ids joined with "; ".
 * Milestone rows: `Last check-in` is the newest check-in's date and `Note` its note. Enabler rows:
 * `Title` is "Service: what is needed", `Due` is when it is needed, `Note` says how and for which
 * milestones. Blocker rows: `Owner` is who unblocks it, `Note` gives kind, severity and what it
 * blocks. Columns that do not apply are empty.
 *
 * Presets `jira` and `asana`: one row per milestone (the issues or tasks to create); its
 * enablers, blockers and dependencies are written into the description by title.
 */
export function toCsv(plan: Plan, options: { preset?: CsvPreset } = {}): string {
	const index = indexPlan(plan)
	if (options.preset === 'jira') {
		return formatCsv(
			jiraCsvColumns,
			plan.milestones.map((m) => cells(jiraCsvColumns, jiraRow(index, m)))
		)
	}
	if (options.preset === 'asana') {
		return formatCsv(
			asanaCsvColumns,
			plan.milestones.map((m) => cells(asanaCsvColumns, asanaRow(index, m)))
		)
	}
	const rows = [
		...plan.milestones.map((m) => milestoneRow(index, m)),
		...plan.enablers.map((e) => enablerRow(index, e)),
		...plan.blockers.map((b) => blockerRow(index, b)),
	]
	return formatCsv(
		canonicalCsvColumns,
		rows.map((row) => cells(canonicalCsvColumns, row))
	)
}

type CanonicalRow = Row<typeof canonicalCsvColumns>

const emptyCanonicalRow: CanonicalRow = Object.fromEntries(
	canonicalCsvColumns.map((column) => [column, ''])
) as CanonicalRow

function milestoneRow(index: PlanIndex, m: PlanMilestone): CanonicalRow {
	const checkin = latestCheckin(m)
	return {
		...emptyCanonicalRow,
		ID: m.id,
		Type: 'milestone',
		Title: m.title,
		Stage: stageCell(index, m.stage),
		Owner: m.owner,
		Unblocker: m.unblocker,
		Due: m.due,
		Status: m.status,
		RAG: m.rag,
		'Depends on': m.dependsOn.join(CSV_LIST_SEPARATOR),
		Enablers: m.enablers.join(CSV_LIST_SEPARATOR),
		Blockers: m.blockers.join(CSV_LIST_SEPARATOR),
		'Last check-in': checkin?.date ?? '',
		Note: checkin?.note ?? '',
	}
}

function enablerRow(index: PlanIndex, e: PlanEnabler): CanonicalRow {
	const note = [
		e.how.trim() === '' ? '' : `How: ${e.how}.`,
		listSentence(
			'Enables',
			e.enables.map((id) => shapeLabel(index, id))
		),
	]
	return {
		...emptyCanonicalRow,
		ID: e.id,
		Type: 'enabler',
		Title: enablerTitle(e),
		Stage: stageCell(index, e.stage),
		Owner: e.owner,
		Due: e.neededBy,
		Status: e.status,
		Blockers: e.blockers.join(CSV_LIST_SEPARATOR),
		Note: note.filter((part) => part !== '').join(' '),
	}
}

function blockerRow(index: PlanIndex, b: PlanBlocker): CanonicalRow {
	const note = [
		`Kind: ${exportLabels.blockerKind[b.kind]}.`,
		`Severity: ${exportLabels.severity[b.severity]}.`,
		listSentence(
			'Blocks',
			b.blocks.map((id) => shapeLabel(index, id))
		),
	]
	return {
		...emptyCanonicalRow,
		ID: b.id,
		Type: 'blocker',
		Title: b.title,
		Stage: stageCell(index, b.stage),
		Owner: b.owner,
		Status: b.status,
		Note: note.filter((part) => part !== '').join(' '),
	}
}

function jiraRow(index: PlanIndex, m: PlanMilestone): Row<typeof jiraCsvColumns> {
	return {
		Summary: milestoneTitle(m),
		'Issue Type': 'Task',
		'Issue ID': m.id,
		Description: [`Stage: ${stageName(index, m.stage)}`, ...describeMilestone(index, m)].join('\n'),
		Assignee: m.owner,
		'Due Date': m.due,
		Labels: m.stage === null ? '' : jiraLabel(stageName(index, m.stage)),
	}
}

function asanaRow(index: PlanIndex, m: PlanMilestone): Row<typeof asanaCsvColumns> {
	return {
		Name: milestoneTitle(m),
		Description: describeMilestone(index, m).join('\n'),
		Section: m.stage === null ? NO_STAGE : stageName(index, m.stage),
		Assignee: m.owner,
		'Due Date': m.due,
	}
}

/** Jira labels are single words: anything but letters, digits, `_` and `.` becomes `-`. */
function jiraLabel(text: string): string {
	return text.replace(/[^\p{L}\p{N}_.]+/gu, '-').replace(/^-+|-+$/g, '')
}

function stageCell(index: PlanIndex, stageId: string | null): string {
	return stageId === null ? '' : stageName(index, stageId)
}

function listSentence(label: string, items: string[]): string {
	return items.length === 0 ? '' : `${label}: ${items.join(CSV_LIST_SEPARATOR)}.`
}

function cells<C extends readonly string[]>(columns: C, row: Row<C>): string[] {
	return columns.map((column: C[number]) => row[column])
}
