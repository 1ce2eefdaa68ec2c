import { cleanMapName } from '../model/mapName'
import type { DiagnosticSeverity } from '../schema/diagnosticSchema'
import type { Plan, PlanBlocker, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import { escapeMarkdown as md } from './escapeMarkdown'
import { exportLabels } from './exportLabels'
import {
	blockerRoute,
	blockerTitle,
	enablerTitle,
	indexPlan,
	latestCheckin,
	milestoneTitle,
	NO_STAGE,
	relationNotes,
	shapeLabel,
	stageName,
	type PlanIndex,
} from './indexPlan'

export interface MarkdownOptions {
	/** The map's name: the heading is `# Delivery plan: <name>` (just `# Delivery plan` without). */
	mapName?: string
}

/**
 * The plan as a Markdown checklist, headed by the map's name when it has one: one section per stage in stage order (then "No stage"), each
 * milestone a checkbox with its people, dates, state, latest check-in, dependencies, enablers and
 * blockers; shapes linked to no milestone listed after their stage's milestones; then the map
 * checks grouped by severity. All user text is escaped, so no title can break the structure.
 */
export function toMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
	const index = indexPlan(plan)
	const out: string[] = [
		headingWithMapName('# Delivery plan', options.mapName),
		'',
		summary(plan),
		'',
	]
	const shown = shownShapes(plan)
	const sections: (string | null)[] = plan.stages.map((stage) => stage.id)
	const stageless =
		plan.milestones.some((m) => m.stage === null) ||
		plan.enablers.some((e) => e.stage === null && !shown.has(e.id)) ||
		plan.blockers.some((b) => b.stage === null && !shown.has(b.id))
	if (stageless) sections.push(null)

	for (const stageId of sections) {
		const heading = stageId === null ? NO_STAGE : stageName(index, stageId)
		out.push(`## ${md(heading)}`, '')
		const milestones = plan.milestones.filter((m) => m.stage === stageId)
		if (milestones.length === 0) out.push('_No milestones in this stage._', '')
		for (const milestone of milestones) out.push(...milestoneLines(index, milestone), '')
		const loose = [
			...plan.enablers
				.filter((e) => e.stage === stageId && !shown.has(e.id))
				.map((e) => `- Enabler: ${enablerLine(e)}`),
			...plan.blockers
				.filter((b) => b.stage === stageId && !shown.has(b.id))
				.map((b) => `- Blocker: ${blockerLine(b)}`),
		]
		if (loose.length > 0) out.push('Not linked to any milestone:', '', ...loose, '')
	}

	out.push(...mapChecks(index))
	return out.join('\n')
}

/**
 * A report's first heading: `heading`, then `: ` and the map's name when it has one, cleaned
 * (one line) and escaped, so no name can add a line, a heading or a link.
 */
export function headingWithMapName(heading: string, mapName: string | undefined): string {
	const name = typeof mapName === 'string' ? cleanMapName(mapName) : ''
	return name === '' ? heading : `${heading}: ${md(name)}`
}

function summary(plan: Plan): string {
	const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`
	return [
		count(plan.stages.length, 'stage', 'stages'),
		count(plan.milestones.length, 'milestone', 'milestones'),
		count(plan.enablers.length, 'enabler', 'enablers'),
		count(plan.blockers.length, 'blocker', 'blockers'),
	].join(' · ')
}

function milestoneLines(index: PlanIndex, m: PlanMilestone): string[] {
	const box = m.status === 'done' ? '[x]' : '[ ]'
	const rag = `${exportLabels.ragEmoji[m.rag]} ${exportLabels.rag[m.rag]}`.trim()
	const lines = [
		`- ${box} **${md(milestoneTitle(m))}**`,
		`  - Owner: ${value(m.owner)} · Unblocker: ${value(m.unblocker)} · Due: ${value(m.due)}`,
		`  - Status: ${exportLabels.milestoneStatus[m.status]} · RAG: ${rag}`,
	]
	if (m.outcome.trim() !== '') lines.push(`  - Outcome: ${md(m.outcome)}`)
	const checkin = latestCheckin(m)
	if (checkin) {
		const date = checkin.date === '' ? 'undated' : checkin.date
		const note = checkin.note.trim() === '' ? '_no note_' : md(checkin.note)
		lines.push(`  - Latest check-in (${date}, ${exportLabels.rag[checkin.rag]}): ${note}`)
	}
	if (m.dependsOn.length > 0) {
		lines.push('  - Depends on:')
		for (const id of m.dependsOn) {
			const dependency = index.milestones.get(id)
			const title = md(dependency ? milestoneTitle(dependency) : id)
			lines.push(`    - ${title}${notes(relationNotes(index, 'depends-on', id, m.id))}`)
		}
	}
	const enablers = m.enablers.flatMap((id) => index.enablers.get(id) ?? [])
	if (enablers.length > 0) {
		lines.push('  - Enablers:')
		for (const e of enablers) {
			lines.push(`    - ${enablerLine(e)}${notes(relationNotes(index, 'enables', e.id, m.id))}`)
		}
	}
	const blockers = m.blockers.flatMap((id) => index.blockers.get(id) ?? [])
	if (blockers.length > 0) {
		lines.push('  - Blockers:')
		for (const b of blockers) {
			const route = blockerRoute(index, m, b)
			const via = route.direct
				? ''
				: ` · via enabler ${route.via.map((e) => md(enablerTitle(e))).join('; ')}`
			// The arrow may be drawn to the milestone or to the enabler it blocks the milestone through.
			const arrows = [m, ...route.via].flatMap((to) => relationNotes(index, 'blocks', b.id, to.id))
			lines.push(`    - ${blockerLine(b)}${via}${notes(arrows)}`)
		}
	}
	return lines
}

function enablerLine(e: PlanEnabler): string {
	const parts = [
		`**${md(enablerTitle(e))}**`,
		`how: ${value(e.how)}`,
		`needed by: ${value(e.neededBy)}`,
		`owner: ${value(e.owner)}`,
		`status: ${exportLabels.enablerStatus[e.status]}`,
	]
	return parts.join(' · ')
}

function blockerLine(b: PlanBlocker): string {
	const parts = [
		`**${md(blockerTitle(b))}**`,
		`kind: ${exportLabels.blockerKind[b.kind]}`,
		`severity: ${exportLabels.severity[b.severity]}`,
		`status: ${exportLabels.blockerStatus[b.status]}`,
		`owner: ${value(b.owner)}`,
	]
	return parts.join(' · ')
}

function mapChecks(index: PlanIndex): string[] {
	const out = ['## Map checks', '']
	const diagnostics = index.plan.diagnostics
	if (diagnostics.length === 0) return [...out, 'No problems found.', '']
	const order: DiagnosticSeverity[] = ['error', 'warning', 'info']
	for (const severity of order) {
		const group = diagnostics.filter((d) => d.severity === severity)
		if (group.length === 0) continue
		out.push(`### ${exportLabels.diagnosticSeverity[severity]} (${group.length})`, '')
		for (const d of group) {
			// Name the shape unless the message already does (the model's messages quote titles).
			// A shape outside the plan (an arrow) has only its id, which says nothing to a reader:
			// its message names what it can.
			const about = d.shapeId === null ? '' : shapeLabel(index, d.shapeId)
			const named = about !== '' && about !== d.shapeId && !d.message.includes(about)
			const on = named ? `, on ${md(shorten(about))}` : ''
			out.push(`- ${md(d.message)} (\`${d.code}\`${on})`)
		}
		out.push('')
	}
	return out
}

/** Enablers and blockers that appear under at least one milestone. */
function shownShapes(plan: Plan): Set<string> {
	const shown = new Set<string>()
	for (const m of plan.milestones) {
		for (const id of m.enablers) shown.add(id)
		for (const id of m.blockers) shown.add(id)
	}
	return shown
}

/** At most 80 characters (whole code points), with an ellipsis when cut. */
function shorten(text: string): string {
	const chars = Array.from(text)
	return chars.length <= 80 ? text : `${chars.slice(0, 79).join('')}…`
}

function value(text: string): string {
	return text.trim() === '' ? '_not set_' : md(text)
}

function notes(list: string[]): string {
	return list.length === 0 ? '' : ` · arrow note: “${list.map(md).join('; ')}”`
}
