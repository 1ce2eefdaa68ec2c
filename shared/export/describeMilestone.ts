import type { PlanMilestone } from '../schema/planSchema'
import { exportLabels } from './exportLabels'
import {
	blockerRoute,
	blockerTitle,
	enablerTitle,
	latestCheckin,
	milestoneTitle,
	relationNotes,
	type PlanIndex,
} from './indexPlan'

/**
 * A milestone as plain-text lines for the places that take one free-text description
 * (iCalendar DESCRIPTION, Jira and Asana CSV): outcome, people, state, the latest check-in and
 * what it depends on, needs and is blocked by, by title. Lines with nothing to say are left out.
 */
export function describeMilestone(index: PlanIndex, milestone: PlanMilestone): string[] {
	const lines: string[] = []
	if (milestone.outcome.trim() !== '') lines.push(`Outcome: ${milestone.outcome}`)
	lines.push(`Owner: ${orNotSet(milestone.owner)}`)
	lines.push(`Unblocker: ${orNotSet(milestone.unblocker)}`)
	lines.push(
		`Status: ${exportLabels.milestoneStatus[milestone.status]}. RAG: ${exportLabels.rag[milestone.rag]}.`
	)
	const checkin = latestCheckin(milestone)
	if (checkin) {
		const when = checkin.date === '' ? 'undated' : checkin.date
		lines.push(`Latest check-in (${when}, ${exportLabels.rag[checkin.rag]}): ${checkin.note}`)
	}
	for (const id of milestone.dependsOn) {
		const dependency = index.milestones.get(id)
		const title = dependency ? milestoneTitle(dependency) : id
		lines.push(
			`Depends on: ${title}${noteSuffix(relationNotes(index, 'depends-on', id, milestone.id))}`
		)
	}
	for (const id of milestone.enablers) {
		const enabler = index.enablers.get(id)
		if (!enabler) continue
		const details = [
			enabler.how.trim() === '' ? '' : `how: ${enabler.how}`,
			`needed by: ${orNotSet(enabler.neededBy)}`,
			`owner: ${orNotSet(enabler.owner)}`,
			exportLabels.enablerStatus[enabler.status],
		].filter((part) => part !== '')
		const notes = relationNotes(index, 'enables', id, milestone.id)
		lines.push(`Enabler: ${enablerTitle(enabler)} (${details.join(', ')})${noteSuffix(notes)}`)
	}
	for (const id of milestone.blockers) {
		const blocker = index.blockers.get(id)
		if (!blocker) continue
		const route = blockerRoute(index, milestone, blocker)
		const via = route.direct ? '' : ` via ${route.via.map(enablerTitle).join('; ')}`
		const details = [
			exportLabels.blockerKind[blocker.kind],
			`${exportLabels.severity[blocker.severity]} severity`,
			exportLabels.blockerStatus[blocker.status],
			`owner: ${orNotSet(blocker.owner)}`,
		]
		const notes = [milestone, ...route.via].flatMap((to) =>
			relationNotes(index, 'blocks', id, to.id)
		)
		lines.push(
			`Blocker: ${blockerTitle(blocker)} (${details.join(', ')})${via}${noteSuffix(notes)}`
		)
	}
	return lines
}

function orNotSet(value: string): string {
	return value.trim() === '' ? 'not set' : value
}

function noteSuffix(notes: string[]): string {
	return notes.length === 0 ? '' : ` (arrow note: ${notes.join('; ')})`
}
