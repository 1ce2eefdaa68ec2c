import type {
	Plan,
	PlanBlocker,
	PlanEnabler,
	PlanMilestone,
	PlanStage,
	RelationKind,
} from '../schema/planSchema'
import type { Checkin } from '../schema/milestoneProps'
import { exportLabels } from './exportLabels'

/** Lookups every exporter needs: records by id, readable names, and arrow notes. */
export interface PlanIndex {
	plan: Plan
	stages: Map<string, PlanStage>
	milestones: Map<string, PlanMilestone>
	enablers: Map<string, PlanEnabler>
	blockers: Map<string, PlanBlocker>
	/** Non-empty arrow notes keyed by `kind from to`, in the plan's relation order. */
	notes: Map<string, string[]>
}

export const UNTITLED_MILESTONE = 'Untitled milestone'
export const UNTITLED_BLOCKER = 'Untitled blocker'
export const UNNAMED_STAGE = 'Unnamed stage'
export const NO_STAGE = 'No stage'

export function indexPlan(plan: Plan): PlanIndex {
	const notes = new Map<string, string[]>()
	for (const relation of plan.relations) {
		const note = relation.note.trim()
		if (note === '') continue
		const key = noteKey(relation.kind, relation.from, relation.to)
		const list = notes.get(key) ?? []
		list.push(note)
		notes.set(key, list)
	}
	return {
		plan,
		stages: byId(plan.stages),
		milestones: byId(plan.milestones),
		enablers: byId(plan.enablers),
		blockers: byId(plan.blockers),
		notes,
	}
}

/** The texts of the arrows of this kind drawn from `from` to `to` (already normalised by the plan). */
export function relationNotes(
	index: PlanIndex,
	kind: RelationKind,
	from: string,
	to: string
): string[] {
	return index.notes.get(noteKey(kind, from, to)) ?? []
}

export function stageName(index: PlanIndex, stageId: string | null): string {
	if (stageId === null) return NO_STAGE
	const stage = index.stages.get(stageId)
	if (!stage) return stageId
	return stage.name.trim() === '' ? UNNAMED_STAGE : stage.name
}

export function milestoneTitle(milestone: PlanMilestone): string {
	return milestone.title.trim() === '' ? UNTITLED_MILESTONE : milestone.title
}

export function blockerTitle(blocker: PlanBlocker): string {
	return blocker.title.trim() === '' ? UNTITLED_BLOCKER : blocker.title
}

/** "Legal: Data-sharing agreement": the service, then what the project needs from it. */
export function enablerTitle(enabler: PlanEnabler): string {
	const service = exportLabels.service[enabler.service]
	const what = enabler.contribution.trim()
	return what === ''
		? `${service}: contribution not described`
		: `${service}: ${enabler.contribution}`
}

/** The readable name of any shape the plan knows, or its id when the plan does not know it. */
export function shapeLabel(index: PlanIndex, id: string): string {
	const milestone = index.milestones.get(id)
	if (milestone) return milestoneTitle(milestone)
	const enabler = index.enablers.get(id)
	if (enabler) return enablerTitle(enabler)
	const blocker = index.blockers.get(id)
	if (blocker) return blockerTitle(blocker)
	if (index.stages.has(id)) return stageName(index, id)
	return id
}

/** The newest check-in: check-ins are kept oldest first, so the last one. */
export function latestCheckin(milestone: PlanMilestone): Checkin | undefined {
	return milestone.checkins[milestone.checkins.length - 1]
}

/**
 * The enablers of `milestone` through which `blocker` blocks it, when the blocker is not drawn
 * against the milestone itself (a milestone's `blockers` holds both kinds).
 */
export function blockerRoute(
	index: PlanIndex,
	milestone: PlanMilestone,
	blocker: PlanBlocker
): { direct: boolean; via: PlanEnabler[] } {
	const direct = blocker.blocks.includes(milestone.id)
	const via: PlanEnabler[] = []
	for (const enablerId of milestone.enablers) {
		const enabler = index.enablers.get(enablerId)
		if (enabler && blocker.blocks.includes(enabler.id)) via.push(enabler)
	}
	return { direct, via }
}

function noteKey(kind: RelationKind, from: string, to: string): string {
	return `${kind} ${from} ${to}`
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
	const map = new Map<string, T>()
	for (const item of items) if (!map.has(item.id)) map.set(item.id, item)
	return map
}
