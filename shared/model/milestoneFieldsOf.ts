import type { Checkin, MilestoneProps } from '../schema/milestoneProps'
import type { PlanMilestone } from '../schema/planSchema'
import { restoreShapeProps } from './restoreShapeProps'

/** The fields of a milestone's plan entry that come from its own props alone. */
export type MilestoneFields = Pick<
	PlanMilestone,
	'title' | 'outcome' | 'owner' | 'unblocker' | 'due' | 'status' | 'rag'
>

/**
 * The latest check-in: the one with the latest date, and of those the last in the list; the
 * last of the check-ins sorted oldest first (SPEC R7), whose RAG is the milestone's.
 */
export function newestCheckin(checkins: readonly Checkin[]): Checkin | undefined {
	let newest: Checkin | undefined
	for (const c of checkins) if (!newest || c.date >= newest.date) newest = c
	return newest
}

/**
 * What a milestone's plan entry says of it from its shape's props alone (not its stage or
 * relations): the same restore and the same rules as extractPlan, for one shape. The outline
 * shows these from the live record, so an edit shows in the same frame as on the canvas instead
 * of after the next extraction.
 */
export function milestoneFieldsOf(id: string, raw: unknown): MilestoneFields {
	const props = restoreShapeProps('milestone', id, raw, []) as unknown as MilestoneProps
	return {
		title: props.title,
		outcome: props.outcome,
		owner: props.owner,
		unblocker: props.unblocker,
		due: props.due,
		status: props.status,
		rag: newestCheckin(props.checkins)?.rag ?? props.rag,
	}
}
