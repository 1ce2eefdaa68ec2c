import { addDays, isCalendarDate, localToday } from '../schema/dateString'
import type { Checkin, Rag } from '../schema/milestoneProps'
import type { Plan, PlanBlocker, PlanMilestone } from '../schema/planSchema'
import { normalizePersonName, personKey } from '../model/ownership'
import { escapeMarkdown as md } from './escapeMarkdown'
import { exportLabels } from './exportLabels'
import {
	blockerRoute,
	blockerTitle,
	enablerTitle,
	indexPlan,
	milestoneTitle,
	stageName,
	type PlanIndex,
} from './indexPlan'
import { headingWithMapName } from './toMarkdown'

/**
 * A check-in round is the newest check-in date in the plan and the days just before it: a round
 * run over two sittings (or past midnight) is still one round. Check-ins dated within this many
 * days up to and including the newest date belong to the latest round.
 */
export const CHECKIN_ROUND_DAYS = 7

/** A milestone that is not done and has had no check-in for more than this many days is listed. */
export const CHECKIN_STALE_DAYS = 35

export interface CheckinReportOptions {
	/** `YYYY-MM-DD`; what "the last 35 days" counts back from. Default: today, local time. */
	today?: string
	/** The map's name: the heading is `# Check-in report: <name>`, just `# Check-in report` without. */
	mapName?: string
}

/**
 * The monthly check-in report (Markdown), headed by the map's name when it has one: for the latest
 * check-in round, what changed since each milestone's previous check-in (RAG moves, first
 * check-ins, unchanged), what is red now with its latest note, the milestones not done that have
 * had no check-in for over 35 days, and the open blockers grouped by owner (owner not set last).
 * Milestones are listed in plan order; all user text is escaped as in the Markdown export.
 */
export function toCheckinReport(plan: Plan, options: CheckinReportOptions = {}): string {
	const today =
		typeof options.today === 'string' && isCalendarDate(options.today)
			? options.today
			: localToday()
	const index = indexPlan(plan)
	const newest = newestCheckinDate(plan)
	const roundStart = newest === null ? null : addDays(newest, -(CHECKIN_ROUND_DAYS - 1))
	const inRound = plan.milestones.filter((m) => {
		const latest = latestDated(m)
		return roundStart !== null && latest !== null && latest.checkin.date >= roundStart
	})

	const out: string[] = [headingWithMapName('# Check-in report', options.mapName), '']
	const round =
		newest === null || roundStart === null ? 'none yet' : roundLabel(plan, roundStart, newest)
	out.push(
		`Latest check-in round: ${round} · Report date: ${today} · ${inRound.length} of ${count(plan.milestones.length, 'milestone', 'milestones')} checked in this round`,
		''
	)
	out.push(...changes(index, inRound), ...reds(index), ...stale(index, today))
	out.push(...openBlockers(index))
	return out.join('\n')
}

function changes(index: PlanIndex, inRound: PlanMilestone[]): string[] {
	const out = ['## What changed since the previous check-in', '']
	if (inRound.length === 0) return [...out, '_No check-ins have been recorded yet._', '']
	const moved: string[] = []
	const first: string[] = []
	const same: string[] = []
	for (const m of inRound) {
		const { checkin, at } = latestDated(m)!
		const previous = at > 0 ? m.checkins[at - 1]! : null
		const head = `- ${milestoneName(index, m)}: `
		const tail = ` · ${noteText(checkin)}`
		if (previous === null) first.push(`${head}first check-in, ${ragText(checkin.rag)}${tail}`)
		else if (previous.rag !== checkin.rag) {
			const move = `${ragText(previous.rag)} → ${ragText(checkin.rag)}`
			moved.push(`${head}${move} (since ${dateText(previous.date)})${tail}`)
		} else
			same.push(`${head}${ragText(checkin.rag)}, unchanged since ${dateText(previous.date)}${tail}`)
	}
	const group = (title: string, lines: string[]) =>
		lines.length === 0 ? [] : [`### ${title} (${lines.length})`, '', ...lines, '']
	return [
		...out,
		...group('RAG moved', moved),
		...group('First check-in', first),
		...group('RAG unchanged', same),
	]
}

function reds(index: PlanIndex): string[] {
	const red = index.plan.milestones.filter((m) => m.rag === 'red')
	const out = [`## Red now (${red.length})`, '']
	if (red.length === 0) return [...out, '_No milestone is red._', '']
	for (const m of red) {
		const latest = m.checkins[m.checkins.length - 1]
		const note = latest
			? ` · Latest check-in (${dateText(latest.date)}): ${noteText(latest)}`
			: ' · _no check-in yet_'
		const done = m.status === 'done' ? ' · Done' : ''
		out.push(
			`- ${milestoneName(index, m)} · Owner: ${value(m.owner)} · Unblocker: ${value(m.unblocker)} · Due: ${value(m.due)}${done}${note}`
		)
	}
	return [...out, '']
}

function stale(index: PlanIndex, today: string): string[] {
	const cutoff = addDays(today, -CHECKIN_STALE_DAYS)
	const lines: string[] = []
	for (const m of index.plan.milestones) {
		if (m.status === 'done') continue
		const latest = latestDated(m)
		if (latest === null) lines.push(`- ${milestoneName(index, m)} · never checked in`)
		else if (latest.checkin.date < cutoff) {
			const days = daysBetween(latest.checkin.date, today)
			lines.push(
				`- ${milestoneName(index, m)} · last check-in ${latest.checkin.date} (${count(days, 'day', 'days')} ago)`
			)
		}
	}
	const out = [`## No check-in in the last ${CHECKIN_STALE_DAYS} days (${lines.length})`, '']
	if (lines.length === 0) return [...out, '_Every milestone not done has a recent check-in._', '']
	return [...out, ...lines, '']
}

const severityRank = { high: 0, medium: 1, low: 2 } as const

function openBlockers(index: PlanIndex): string[] {
	const open = index.plan.blockers.filter((b) => b.status === 'open')
	const out = [`## Open blockers by owner (${open.length})`, '']
	if (open.length === 0) return [...out, '_No open blockers._', '']
	const groups = new Map<string, { name: string; blockers: PlanBlocker[] }>()
	for (const b of open) {
		const key = personKey(b.owner)
		const group = groups.get(key) ?? { name: normalizePersonName(b.owner), blockers: [] }
		group.blockers.push(b)
		groups.set(key, group)
	}
	const keys = [...groups.keys()].sort((a, b) =>
		a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0
	)
	for (const key of keys) {
		const group = groups.get(key)!
		const title = key === '' ? 'Owner not set' : md(group.name)
		out.push(`### ${title} (${group.blockers.length})`, '')
		// Stable sort: within a severity, the plan's order.
		const sorted = [...group.blockers].sort(
			(a, b) => severityRank[a.severity] - severityRank[b.severity]
		)
		for (const b of sorted) out.push(blockerLine(index, b))
		out.push('')
	}
	return out
}

function blockerLine(index: PlanIndex, b: PlanBlocker): string {
	const affected = index.plan.milestones.filter((m) => m.blockers.includes(b.id))
	const targets = affected.map((m) => {
		const route = blockerRoute(index, m, b)
		const via = route.direct ? '' : ` (via ${route.via.map((e) => md(enablerTitle(e))).join('; ')})`
		return `${md(milestoneTitle(m))}${via}`
	})
	const blocks = targets.length === 0 ? '_no milestone linked_' : targets.join('; ')
	return [
		`- **${md(blockerTitle(b))}**`,
		`${exportLabels.severity[b.severity]} severity`,
		exportLabels.blockerKind[b.kind],
		`blocks: ${blocks}`,
	].join(' · ')
}

/** The newest check-in with a date, and where it sits (check-ins are oldest first). */
function latestDated(m: PlanMilestone): { checkin: Checkin; at: number } | null {
	for (let i = m.checkins.length - 1; i >= 0; i--) {
		const checkin = m.checkins[i]!
		if (checkin.date !== '') return { checkin, at: i }
	}
	return null
}

function newestCheckinDate(plan: Plan): string | null {
	let newest: string | null = null
	for (const m of plan.milestones) {
		const latest = latestDated(m)
		if (latest && (newest === null || latest.checkin.date > newest)) newest = latest.checkin.date
	}
	return newest
}

/** "2026-11-27", or "2026-11-26 to 2026-11-27" when the round's check-ins span several days. */
function roundLabel(plan: Plan, roundStart: string, newest: string): string {
	let earliest = newest
	for (const m of plan.milestones) {
		const latest = latestDated(m)
		if (latest && latest.checkin.date >= roundStart && latest.checkin.date < earliest)
			earliest = latest.checkin.date
	}
	return earliest === newest ? newest : `${earliest} to ${newest}`
}

function milestoneName(index: PlanIndex, m: PlanMilestone): string {
	return `**${md(milestoneTitle(m))}** (${md(stageName(index, m.stage))})`
}

function ragText(rag: Rag): string {
	return `${exportLabels.ragEmoji[rag]} ${exportLabels.rag[rag]}`.trim()
}

function noteText(checkin: Checkin): string {
	return checkin.note.trim() === '' ? '_no note_' : md(checkin.note)
}

function dateText(date: string): string {
	return date === '' ? 'an undated check-in' : date
}

function value(text: string): string {
	return text.trim() === '' ? '_not set_' : md(text)
}

function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`
}

function daysBetween(from: string, to: string): number {
	const utc = (d: string) => {
		const [y, m, day] = d.split('-').map(Number)
		return Date.UTC(y!, m! - 1, day!)
	}
	return Math.round((utc(to) - utc(from)) / 86_400_000)
}
