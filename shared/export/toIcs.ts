import { isCalendarDate } from '../schema/dateString'
import type { MilestoneStatus } from '../schema/milestoneProps'
import type { Plan, PlanMilestone } from '../schema/planSchema'
import { cleanMapName } from '../model/mapName'
import { describeMilestone } from './describeMilestone'
import { escapeIcsText } from './escapeIcsText'
import { foldIcsLine } from './foldIcsLine'
import { indexPlan, milestoneTitle, stageName, type PlanIndex } from './indexPlan'

export const ICS_PRODID = '-//Delivery Map//Delivery plan export//EN'
/** Appended to a shape id to make a globally unique, stable UID (RFC 5545 §3.8.4.7). */
export const ICS_UID_DOMAIN = 'delivery-map.plan'
/** DTSTAMP when no `today` is given: a fixed instant, so the output stays reproducible. */
export const ICS_FALLBACK_DTSTAMP = '19700101T000000Z'
/** The calendar's name (X-WR-CALNAME) when the map has none. */
export const ICS_UNNAMED_CALENDAR = 'Delivery plan'

export interface IcsOptions {
	/** `YYYY-MM-DD`: DTSTAMP is this day at midnight UTC. Default: a fixed stamp. */
	today?: string
	/** The map's name: the calendar's name (X-WR-CALNAME), "Delivery plan" without one. */
	mapName?: string
}

const icsStatus: Record<MilestoneStatus, string> = {
	'not-started': 'NEEDS-ACTION',
	'in-progress': 'IN-PROCESS',
	done: 'COMPLETED',
}

/**
 * The plan as an iCalendar (RFC 5545) to-do list named after the map (X-WR-CALNAME, which calendar
 * apps show as the imported calendar's name): one VTODO per milestone in plan order, with a
 * UID from the shape id, SUMMARY, DESCRIPTION (outcome, owner, unblocker, state, links), DUE as a
 * date when set, STATUS, CATEGORIES for the stage and one RELATED-TO;RELTYPE=DEPENDS-ON
 * (RFC 9253) per dependency. DTSTAMP is `today` at midnight UTC, so the same plan and `today`
 * give the same bytes. Text is escaped, lines folded at 75 octets, lines end with CRLF.
 */
export function toIcs(plan: Plan, options: IcsOptions = {}): string {
	const index = indexPlan(plan)
	const dtstamp = dtstampOf(options.today)
	const name = typeof options.mapName === 'string' ? cleanMapName(options.mapName) : ''
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${ICS_PRODID}`,
		'CALSCALE:GREGORIAN',
		`X-WR-CALNAME:${name === '' ? ICS_UNNAMED_CALENDAR : escapeIcsText(name)}`,
	]
	for (const milestone of plan.milestones) lines.push(...vtodo(index, milestone, dtstamp))
	lines.push('END:VCALENDAR')
	return lines.map((line) => `${foldIcsLine(line)}\r\n`).join('')
}

/** The UID of a milestone's VTODO: its shape id at a fixed domain. */
export function icsUid(shapeId: string): string {
	return `${shapeId}@${ICS_UID_DOMAIN}`
}

function vtodo(index: PlanIndex, m: PlanMilestone, dtstamp: string): string[] {
	const lines = [
		'BEGIN:VTODO',
		`UID:${escapeIcsText(icsUid(m.id))}`,
		`DTSTAMP:${dtstamp}`,
		`SUMMARY:${escapeIcsText(milestoneTitle(m))}`,
		`DESCRIPTION:${escapeIcsText(describeMilestone(index, m).join('\n'))}`,
	]
	if (isCalendarDate(m.due)) lines.push(`DUE;VALUE=DATE:${m.due.replace(/-/g, '')}`)
	lines.push(`STATUS:${icsStatus[m.status]}`)
	if (m.status === 'done') lines.push('PERCENT-COMPLETE:100')
	if (m.stage !== null) lines.push(`CATEGORIES:${escapeIcsText(stageName(index, m.stage))}`)
	for (const id of m.dependsOn) {
		lines.push(`RELATED-TO;RELTYPE=DEPENDS-ON:${escapeIcsText(icsUid(id))}`)
	}
	lines.push('END:VTODO')
	return lines
}

function dtstampOf(today: string | undefined): string {
	if (today === undefined) return ICS_FALLBACK_DTSTAMP
	if (!isCalendarDate(today)) {
		throw new RangeError(`today must be a date as YYYY-MM-DD, got "${today}"`)
	}
	return `${today.replace(/-/g, '')}T000000Z`
}
