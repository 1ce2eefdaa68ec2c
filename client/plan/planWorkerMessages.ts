import type { Plan } from '../../shared/schema/planSchema'
import type { PlanPatch } from './planPatch'

/** The page to the plan worker: records to put or remove since the last message. */
export interface ToPlanWorker {
	/** Counts the page's messages; the worker's answer names the last one it has applied. */
	seq: number
	put: unknown[]
	remove: string[]
	/** `YYYY-MM-DD`, the page's local date, for the date checks. */
	today: string
}

/** The plan worker to the page: what changed in the plan once message `seq` was applied. */
export interface FromPlanWorker {
	seq: number
	patch: PlanPatch
	format: Pick<Plan, 'format' | 'version'>
	/** Time spent in extractPlan, and in all (extract and diff), in the worker. */
	extractMs: number
	totalMs: number
}
