/// <reference lib="webworker" />
import { extractPlan } from '../../shared/model/extractPlan'
import { PlanDiffer } from './planPatch'
import type { FromPlanWorker, ToPlanWorker } from './planWorkerMessages'

/**
 * Extracts the live plan off the page's main thread, so that a large map never makes drawing
 * slow. It keeps its own copy of the map's shapes and bindings, updated from the changes the
 * page posts, extracts the plan once the queued changes are applied, and answers with what
 * changed since its last answer.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope
const records = new Map<string, unknown>()
const differ = new PlanDiffer()
let today = ''
let seq = 0
let scheduled = false

scope.onmessage = (event: MessageEvent<ToPlanWorker>) => {
	const message = event.data
	for (const record of message.put) records.set((record as { id: string }).id, record)
	for (const id of message.remove) records.delete(id)
	today = message.today
	seq = message.seq
	if (!scheduled) {
		scheduled = true
		// Later changes already queued are applied first: one extraction for all of them.
		setTimeout(extract, 0)
	}
}

function extract() {
	scheduled = false
	const started = performance.now()
	const plan = extractPlan([...records.values()], { today })
	const extractMs = performance.now() - started
	const patch = differ.diff(plan)
	const answer: FromPlanWorker = {
		seq,
		patch,
		format: { format: plan.format, version: plan.version },
		extractMs,
		totalMs: performance.now() - started,
	}
	scope.postMessage(answer)
}
