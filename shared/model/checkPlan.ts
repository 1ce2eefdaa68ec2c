import { addDays } from '../schema/dateString'
import type { Diagnostic } from '../schema/diagnosticSchema'
import type { Plan, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import { makeDiagnostic } from './makeDiagnostic'

/** Days ahead in which an open high-severity blocker on a milestone is flagged (SPEC C10). */
export const DUE_SOON_DAYS = 30

/** The map checks (SPEC C1-C14): what a facilitator should see flagged. */
export interface CheckContext {
	today: string
	cycles: string[][]
	/** The plan's milestone and enabler with an id (extraction knows where each one is). */
	milestone: { get(id: string): PlanMilestone | undefined }
	enabler: { get(id: string): PlanEnabler | undefined }
}

export function checkPlan(plan: Plan, context: CheckContext, diagnostics: Diagnostic[]): void {
	const { today, milestone, enabler } = context
	const soon = addDays(today, DUE_SOON_DAYS)
	const name = (m: PlanMilestone) => (m.title ? `"${short(m.title)}"` : 'an untitled milestone')
	const add = (...args: Parameters<typeof makeDiagnostic>) =>
		diagnostics.push(makeDiagnostic(...args))

	for (const m of plan.milestones) {
		const it = `Milestone ${name(m)}`
		if (!m.owner) add('milestone-no-owner', m.id, `${it} has no owner for doing the work.`)
		if (!m.unblocker) add('milestone-no-unblocker', m.id, `${it} has no owner for unblocking it.`)
		if (!m.due) add('milestone-no-due', m.id, `${it} has no due date.`)
		if (m.due && m.due < today && m.status !== 'done') {
			add('milestone-overdue', m.id, `${it} was due on ${m.due} and is not done.`)
		}
		for (const a of m.dependsOn) {
			const before = milestone.get(a)!
			if (m.due && before.due && m.due < before.due) {
				add(
					'due-before-dependency',
					m.id,
					`${it} is due on ${m.due}, before ${name(before)} (due ${before.due}) that it depends on.`
				)
			}
		}
		if (m.stage === null) add('shape-outside-stage', m.id, `${it} is not inside any stage.`)
	}

	for (const cycle of context.cycles) {
		const titles = cycle.map((id) => name(milestone.get(id)!)).join(' → ')
		for (const id of cycle) {
			add('dependency-cycle', id, `Milestones depend on each other in a loop: ${titles}.`)
		}
	}

	for (const e of plan.enablers) {
		const it = `The ${e.service} enabler${e.contribution ? ` "${short(e.contribution)}"` : ''}`
		if (e.enables.length === 0)
			add('enabler-unconnected', e.id, `${it} is connected to no milestone.`)
		if (!e.neededBy) add('enabler-no-when', e.id, `${it} does not say when it is needed.`)
		if (!e.contribution) add('enabler-no-what', e.id, `${it} does not say what the project needs.`)
		for (const id of e.enables) {
			const m = milestone.get(id)!
			if (e.neededBy && m.due && e.neededBy > m.due) {
				add(
					'enabler-late',
					e.id,
					`${it} is needed by ${e.neededBy}, after ${name(m)} is due (${m.due}).`
				)
			}
		}
		if (e.stage === null) add('shape-outside-stage', e.id, `${it} is not inside any stage.`)
	}

	for (const b of plan.blockers) {
		const it = `Blocker ${b.title ? `"${short(b.title)}"` : '(untitled)'}`
		const affected = new Set<string>()
		for (const t of b.blocks) {
			if (milestone.get(t)) affected.add(t)
			for (const m of enabler.get(t)?.enables ?? []) affected.add(m)
		}
		if (affected.size === 0) add('blocker-unconnected', b.id, `${it} is connected to no milestone.`)
		if (!b.owner) add('blocker-no-owner', b.id, `${it} has no owner to unblock it.`)
		if (b.status === 'open' && b.severity === 'high') {
			for (const id of affected) {
				const m = milestone.get(id)!
				if (m.status !== 'done' && m.due && m.due >= today && m.due <= soon) {
					add(
						'blocker-high-due-soon',
						b.id,
						`${it} is open, high severity, and blocks ${name(m)}, due ${m.due} (within ${DUE_SOON_DAYS} days).`
					)
				}
			}
		}
		if (b.stage === null) add('shape-outside-stage', b.id, `${it} is not inside any stage.`)
	}
}

/** Titles quoted in messages are kept short: a message is a pointer, the shape holds the text. */
function short(text: string): string {
	return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
