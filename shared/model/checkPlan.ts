import { exportLabels } from '../export/exportLabels'
import { addDays } from '../schema/dateString'
import type { Diagnostic } from '../schema/diagnosticSchema'
import type { Plan, PlanBlocker, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import { MILESTONE, type ShapeIndex } from './indexShapes'
import type { Links } from './Links'
import type { DiagnosticCode } from './diagnosticCodes'
import { makeDiagnostic } from './makeDiagnostic'
import { shortTitle } from './shortTitle'

/** Days ahead in which an open high-severity blocker on a milestone is flagged (SPEC C10). */
export const DUE_SOON_DAYS = 30

/**
 * What extraction knows beside the plan: the node of each plan entry (same position as in
 * `plan.milestones`, `plan.enablers`, `plan.blockers`) and the links between nodes, so the
 * checks follow relations by node number instead of looking ids up.
 */
export interface CheckContext {
	today: string
	/** Milestones that depend on each other in a loop, each loop in spatial order. */
	cycles: number[][]
	index: ShapeIndex
	links: Links
	milestones: readonly number[]
	enablers: readonly number[]
	blockers: readonly number[]
}

/** The map checks (SPEC C1-C14): what a facilitator should see flagged. */
export function checkPlan(plan: Plan, context: CheckContext, diagnostics: Diagnostic[]): void {
	const { today, index } = context
	const { outStart, out } = context.links
	const { planRank } = index
	const soon = addDays(today, DUE_SOON_DAYS)
	const milestoneOf = (node: number) => plan.milestones[planRank[node]!]!
	const add = (code: DiagnosticCode, shapeId: string, message: string) => {
		diagnostics.push(makeDiagnostic(code, shapeId, message))
	}

	for (let i = 0; i < plan.milestones.length; i++) {
		const m = plan.milestones[i]!
		if (!m.owner)
			add('milestone-no-owner', m.id, `${milestone(m)} has no owner for doing the work.`)
		if (!m.unblocker) {
			add('milestone-no-unblocker', m.id, `${milestone(m)} has no owner for unblocking it.`)
		}
		if (!m.due) add('milestone-no-due', m.id, `${milestone(m)} has no due date.`)
		if (m.due && m.due < today && m.status !== 'done') {
			add('milestone-overdue', m.id, `${milestone(m)} was due on ${m.due} and is not done.`)
		}
		const node = context.milestones[i]!
		if (m.due) {
			for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
				const before = milestoneOf(out[k]!)
				if (before.due && m.due < before.due) {
					add(
						'due-before-dependency',
						m.id,
						`${milestone(m)} is due on ${m.due}, before ${name(before)} (due ${before.due}) that it depends on.`
					)
				}
			}
		}
		if (m.stage === null)
			add('shape-outside-stage', m.id, `${milestone(m)} is not inside any stage.`)
	}

	for (const cycle of context.cycles) {
		const titles = cycle.map((node) => name(milestoneOf(node))).join(' → ')
		for (const node of cycle) {
			add(
				'dependency-cycle',
				index.ids[node]!,
				`Milestones depend on each other in a loop: ${titles}.`
			)
		}
	}

	for (let i = 0; i < plan.enablers.length; i++) {
		const e = plan.enablers[i]!
		if (e.enables.length === 0) {
			add('enabler-unconnected', e.id, `${enabler(e)} is connected to no milestone.`)
		}
		if (!e.neededBy) add('enabler-no-when', e.id, `${enabler(e)} does not say when it is needed.`)
		if (!e.contribution) {
			add('enabler-no-what', e.id, `${enabler(e)} does not say what the project needs.`)
		}
		const node = context.enablers[i]!
		if (e.neededBy) {
			for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
				const m = milestoneOf(out[k]!)
				if (m.due && e.neededBy > m.due) {
					add(
						'enabler-late',
						e.id,
						`${enabler(e)} is needed by ${e.neededBy}, after ${name(m)} is due (${m.due}).`
					)
				}
			}
		}
		if (e.stage === null) add('shape-outside-stage', e.id, `${enabler(e)} is not inside any stage.`)
	}

	// The milestones a blocker holds up, each once: marked with the blocker's number + 1.
	const mark = new Int32Array(index.count)
	const affected: number[] = []
	let stamp = 0
	const hold = (m: number) => {
		if (mark[m] === stamp) return
		mark[m] = stamp
		affected.push(m)
	}
	for (let i = 0; i < plan.blockers.length; i++) {
		const b = plan.blockers[i]!
		// The milestones it holds up: those it blocks, and those the enablers it blocks enable.
		affected.length = 0
		stamp = i + 1
		const node = context.blockers[i]!
		for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
			const target = out[k]!
			if (index.kind[target] === MILESTONE) hold(target)
			else for (let j = outStart[target]!; j < outStart[target + 1]!; j++) hold(out[j]!)
		}
		if (affected.length === 0) {
			add('blocker-unconnected', b.id, `${blocker(b)} is connected to no milestone.`)
		}
		if (!b.owner) add('blocker-no-owner', b.id, `${blocker(b)} has no owner to unblock it.`)
		if (b.status === 'open' && b.severity === 'high') {
			for (const node of affected) {
				const m = milestoneOf(node)
				if (m.status !== 'done' && m.due && m.due >= today && m.due <= soon) {
					add(
						'blocker-high-due-soon',
						b.id,
						`${blocker(b)} is open, high severity, and blocks ${name(m)}, due ${m.due} (within ${DUE_SOON_DAYS} days).`
					)
				}
			}
		}
		if (b.stage === null) add('shape-outside-stage', b.id, `${blocker(b)} is not inside any stage.`)
	}
}

// How messages name a shape; built only when a message is (most shapes have none).
function name(m: PlanMilestone): string {
	return m.title ? `"${shortTitle(m.title)}"` : 'an untitled milestone'
}

// Those below start a sentence ("Milestone "Residents apply" has no owner…", "An untitled
// milestone has no owner…", "The Legal enabler "Data-sharing agreement" is…").
function milestone(m: PlanMilestone): string {
	return m.title ? `Milestone "${shortTitle(m.title)}"` : 'An untitled milestone'
}

function enabler(e: PlanEnabler): string {
	// The service as people name it ("HR", not "hr"); "other" names none.
	const service = e.service === 'other' ? '' : `${exportLabels.service[e.service]} `
	return e.contribution
		? `The ${service}enabler "${shortTitle(e.contribution)}"`
		: `An undescribed ${service}enabler`
}

function blocker(b: PlanBlocker): string {
	return b.title ? `Blocker "${shortTitle(b.title)}"` : 'An untitled blocker'
}
