import { isCalendarDate, localToday } from '../schema/dateString'
import type { Diagnostic } from '../schema/diagnosticSchema'
import type { BlockerProps } from '../schema/blockerProps'
import type { EnablerProps } from '../schema/enablerProps'
import type { Checkin, MilestoneProps } from '../schema/milestoneProps'
import {
	PLAN_FORMAT,
	PLAN_VERSION,
	type Plan,
	type PlanBlocker,
	type PlanEnabler,
	type PlanMilestone,
	type PlanStage,
} from '../schema/planSchema'
import { checkPlan } from './checkPlan'
import { diagnosticCodes, type DiagnosticCode } from './diagnosticCodes'
import { makeDiagnostic } from './makeDiagnostic'
import { newestCheckin } from './milestoneFieldsOf'
import { orderMilestones, type DependencyRows } from './orderMilestones'
import { readRelations } from './readRelations'
import { BLOCKER, ENABLER, MILESTONE, indexShapes, type ShapeIndex } from './indexShapes'
import type { Links } from './Links'
import { resolveHierarchy } from './resolveHierarchy'
import { compareStrings as cmp, sortByKey } from './sortByKey'
import { isRestoredRecords, restoreRecords } from './restoreRecords'

export interface ExtractPlanOptions {
	/** `YYYY-MM-DD`; the date the checks measure against. Default: today, local time. */
	today?: string
}

/**
 * The plan of a delivery-map drawing (SPEC.md). Accepts anything `restoreRecords` reads (a .tldr
 * file, a store snapshot, a record list, or restoreRecords' own result). Never throws; the same
 * drawing gives the same plan whatever order its records come in.
 */
export function extractPlan(input: unknown, options: ExtractPlanOptions = {}): Plan {
	try {
		return extract(input, options)
	} catch (error) {
		return {
			...emptyPlan(),
			diagnostics: [
				makeDiagnostic(
					'input-unreadable',
					null,
					`The map could not be read (${error instanceof Error ? error.message : 'unknown error'}).`
				),
			],
		}
	}
}

function emptyPlan(): Plan {
	return {
		format: PLAN_FORMAT,
		version: PLAN_VERSION,
		stages: [],
		milestones: [],
		enablers: [],
		blockers: [],
		relations: [],
		diagnostics: [],
	}
}

function extract(input: unknown, options: ExtractPlanOptions): Plan {
	const restored = isRestoredRecords(input) ? input : restoreRecords(input)
	const diagnostics: Diagnostic[] = restored.diagnostics.slice()
	const today =
		typeof options.today === 'string' && isCalendarDate(options.today)
			? options.today
			: localToday()

	const index = indexShapes(restored)
	entriesOf(index, diagnostics)
	const { frames } = index
	resolveHierarchy(index, frames, diagnostics)
	resolveHierarchy(index, index.milestones, diagnostics)
	resolveHierarchy(index, index.enablers, diagnostics)
	resolveHierarchy(index, index.blockers, diagnostics)

	// Stages: frames, left to right by page x, then top to bottom by y (SPEC S2).
	frames.sort(
		(a, b) =>
			index.x[a]! - index.x[b]! || index.y[a]! - index.y[b]! || cmp(index.ids[a]!, index.ids[b]!)
	)
	for (let i = 0; i < frames.length; i++) index.rank[frames[i]!] = i
	const stages: PlanStage[] = frames.map((f) => ({
		id: index.ids[f]!,
		name: index.shape(f).props.name as string,
	}))

	// Typed shapes in spatial order: stage, then y, then x (SPEC O2).
	const milestoneNodes = inSpatialOrder(index, index.milestones, frames.length)
	const enablerNodes = inSpatialOrder(index, index.enablers, frames.length)
	const blockerNodes = inSpatialOrder(index, index.blockers, frames.length)

	const { relations, links } = readRelations(index, diagnostics)
	// Every node is made by now: the index's arrays keep their size from here on.
	const { rank, planRank, kind, entries } = index
	const { outStart, out, intoStart, into } = links

	const { order, cycles } = orderMilestones(
		milestoneNodes.length,
		dependencyRows(index, links, milestoneNodes)
	)
	const planOrder: number[] = new Array(order.length)
	for (let i = 0; i < order.length; i++) {
		const node = milestoneNodes[order[i]!]!
		planRank[node] = i
		planOrder[i] = node
	}

	// Relations and places, written into the entries made from the props (see entriesOf).
	const ids = new IdCollector(index.ids)
	const milestones: PlanMilestone[] = new Array(planOrder.length)
	for (let i = 0; i < planOrder.length; i++) {
		const node = planOrder[i]!
		const entry = entries[node] as PlanMilestone
		entry.stage = stageIdOf(index, node)
		for (let k = outStart[node]!; k < outStart[node + 1]!; k++) ids.add(planRank[out[k]!]!)
		entry.dependsOn = ids.take(planOrder)
		for (let k = intoStart[node]!; k < intoStart[node + 1]!; k++) {
			const e = into[k]!
			if (kind[e] === ENABLER) ids.add(rank[e]!)
		}
		entry.enablers = ids.take(enablerNodes)
		// Blockers on the milestone, and on the enablers it relies on.
		for (let k = intoStart[node]!; k < intoStart[node + 1]!; k++) {
			const v = into[k]!
			if (kind[v] === BLOCKER) ids.add(rank[v]!)
			else for (let j = intoStart[v]!; j < intoStart[v + 1]!; j++) ids.add(rank[into[j]!]!)
		}
		entry.blockers = ids.take(blockerNodes)
		milestones[i] = entry
	}
	const enablers: PlanEnabler[] = enablerNodes.map((node) => {
		const entry = entries[node] as PlanEnabler
		entry.stage = stageIdOf(index, node)
		for (let k = outStart[node]!; k < outStart[node + 1]!; k++) ids.add(planRank[out[k]!]!)
		entry.enables = ids.take(planOrder)
		for (let k = intoStart[node]!; k < intoStart[node + 1]!; k++) ids.add(rank[into[k]!]!)
		entry.blockers = ids.take(blockerNodes)
		return entry
	})
	const blockers: PlanBlocker[] = blockerNodes.map((node) => {
		const entry = entries[node] as PlanBlocker
		entry.stage = stageIdOf(index, node)
		for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
			const t = out[k]!
			if (kind[t] === MILESTONE) ids.add(planRank[t]!)
		}
		const blocksMilestones = ids.take(planOrder)
		for (let k = outStart[node]!; k < outStart[node + 1]!; k++) {
			const t = out[k]!
			if (kind[t] === ENABLER) ids.add(rank[t]!)
		}
		const blocksEnablers = ids.take(enablerNodes)
		entry.blocks =
			blocksEnablers.length === 0 ? blocksMilestones : [...blocksMilestones, ...blocksEnablers]
		return entry
	})
	const plan: Plan = {
		...emptyPlan(),
		stages,
		milestones,
		enablers,
		blockers,
		relations: sortByKey(relations, (r) => r.id),
	}
	checkPlan(
		plan,
		{
			today,
			cycles: cycles.map((c) => c.map((r) => milestoneNodes[r]!)),
			index,
			links,
			milestones: planOrder,
			enablers: enablerNodes,
			blockers: blockerNodes,
		},
		diagnostics
	)
	plan.diagnostics = sortDiagnostics(diagnostics)
	return plan
}

/**
 * The plan entry of each milestone, enabler and blocker, from its props alone; relations and
 * stage come later. Made in record order, which is the order the props lie in memory: reading
 * them later in plan order jumps about the heap and misses the cache on a large map.
 */
function entriesOf(index: ShapeIndex, diagnostics: Diagnostic[]): void {
	const { entries, ids } = index
	for (let i = 0; i < index.milestones.length; i++) {
		const node = index.milestones[i]!
		const id = ids[node]!
		const props = index.shape(node).props as unknown as MilestoneProps
		const checkins = sortedCheckins(id, props.checkins, diagnostics)
		const newest = newestCheckin(props.checkins)
		let rag = props.rag
		if (newest && newest.rag !== props.rag) {
			diagnostics.push(
				makeDiagnostic(
					'rag-from-checkin',
					id,
					`The milestone's RAG was "${props.rag}" but its latest check-in (${newest.date || 'undated'}) says "${newest.rag}"; the check-in wins.`
				)
			)
			rag = newest.rag
		}
		entries[node] = {
			id,
			title: props.title,
			outcome: props.outcome,
			owner: props.owner,
			unblocker: props.unblocker,
			due: props.due,
			status: props.status,
			rag,
			checkins,
			stage: null,
			dependsOn: noIds,
			enablers: noIds,
			blockers: noIds,
		} satisfies PlanMilestone
	}
	for (let i = 0; i < index.enablers.length; i++) {
		const node = index.enablers[i]!
		const props = index.shape(node).props as unknown as EnablerProps
		entries[node] = {
			id: ids[node]!,
			service: props.service,
			contribution: props.contribution,
			how: props.how,
			neededBy: props.neededBy,
			owner: props.owner,
			status: props.status,
			stage: null,
			enables: noIds,
			blockers: noIds,
		} satisfies PlanEnabler
	}
	for (let i = 0; i < index.blockers.length; i++) {
		const node = index.blockers[i]!
		const props = index.shape(node).props as unknown as BlockerProps
		entries[node] = {
			id: ids[node]!,
			title: props.title,
			kind: props.kind,
			owner: props.owner,
			severity: props.severity,
			status: props.status,
			stage: null,
			blocks: noIds,
		} satisfies PlanBlocker
	}
}

/** A placeholder in entries until their relations are known (always replaced). */
const noIds: string[] = []

/** The milestones each milestone depends on, by spatial rank, as orderMilestones reads them. */
function dependencyRows(index: ShapeIndex, links: Links, milestones: number[]): DependencyRows {
	const { outStart, out } = links
	const start = new Int32Array(milestones.length + 1)
	for (let i = 0; i < milestones.length; i++) {
		const m = milestones[i]!
		start[i + 1] = start[i]! + outStart[m + 1]! - outStart[m]!
	}
	const deps = new Int32Array(start[milestones.length]!)
	for (let i = 0, k = 0; i < milestones.length; i++) {
		const m = milestones[i]!
		for (let j = outStart[m]!; j < outStart[m + 1]!; j++) deps[k++] = index.rank[out[j]!]!
	}
	return { start, deps }
}

function stageIdOf(index: ShapeIndex, node: number): string | null {
	const stage = index.stage[node]!
	return stage < 0 ? null : index.ids[stage]!
}

/** Sorts typed shapes by stage (shapes outside any stage last), then y, then x; sets their rank. */
function inSpatialOrder(index: ShapeIndex, nodes: number[], stageCount: number): number[] {
	const { stage, rank, x, y, ids } = index
	const stageRank = (n: number) => (stage[n]! < 0 ? stageCount : rank[stage[n]!]!)
	const sorted = nodes
		.slice()
		.sort(
			(a, b) =>
				stageRank(a) - stageRank(b) || y[a]! - y[b]! || x[a]! - x[b]! || cmp(ids[a]!, ids[b]!)
		)
	for (let i = 0; i < sorted.length; i++) rank[sorted[i]!] = i
	return sorted
}

/**
 * Collects the ranks of related nodes, then gives their ids in rank order, each once. One
 * buffer serves every list: most shapes have a link or two.
 */
class IdCollector {
	private keys = new Int32Array(16)
	private count = 0
	constructor(private readonly ids: string[]) {}

	add(key: number): void {
		if (this.count === this.keys.length) {
			const bigger = new Int32Array(this.keys.length * 2)
			bigger.set(this.keys)
			this.keys = bigger
		}
		this.keys[this.count++] = key
	}

	/** The ids of `nodesByKey[key]` for the keys added since the last call, by key, once each. */
	take(nodesByKey: readonly number[]): string[] {
		const { keys, count } = this
		this.count = 0
		if (count === 0) return []
		if (count === 1) return [this.ids[nodesByKey[keys[0]!]!]!]
		if (count > 16) keys.subarray(0, count).sort()
		else {
			for (let i = 1; i < count; i++) {
				const key = keys[i]!
				let j = i - 1
				while (j >= 0 && keys[j]! > key) {
					keys[j + 1] = keys[j]!
					j--
				}
				keys[j + 1] = key
			}
		}
		const out: string[] = new Array(count)
		let kept = 0
		for (let i = 0; i < count; i++) {
			if (i > 0 && keys[i] === keys[i - 1]) continue
			out[kept++] = this.ids[nodesByKey[keys[i]!]!]!
		}
		if (kept < count) out.length = kept
		return out
	}
}

/** Check-ins oldest first (SPEC R7); entries without a date keep their place before dated ones. */
function sortedCheckins(id: string, checkins: Checkin[], diagnostics: Diagnostic[]): Checkin[] {
	let inOrder = true
	for (let i = 1; i < checkins.length && inOrder; i++)
		inOrder = checkins[i - 1]!.date <= checkins[i]!.date
	if (inOrder) return checkins.map((c) => ({ date: c.date, rag: c.rag, note: c.note }))
	const sorted = checkins
		.map((c, i) => ({ c, i }))
		.sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i))
		.map((x) => ({ date: x.c.date, rag: x.c.rag, note: x.c.note }))
	if (sorted.some((c, i) => c.date !== checkins[i]!.date)) {
		diagnostics.push(
			makeDiagnostic(
				'checkins-reordered',
				id,
				'The check-ins were not oldest first; they were sorted by date.'
			)
		)
	}
	return sorted
}

const severityRank = { error: 0, warning: 1, info: 2 } as const
/** Each code's place in the order: by severity, then as the table lists them. */
const codeOrder = new Map(
	(Object.keys(diagnosticCodes) as DiagnosticCode[])
		.map((code, i) => ({ code, rank: severityRank[diagnosticCodes[code].severity] * 1000 + i }))
		.sort((a, b) => a.rank - b.rank)
		.map(({ code }, i) => [code, i])
)

/**
 * Errors first, then warnings, then information; within a severity by code, shape and message.
 * A diagnostic said twice (same code, shape and message) is kept once: sorting puts the copies
 * side by side. Diagnostics are put in one bucket per code first, so only those of one code are
 * compared with each other.
 */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	const buckets: Diagnostic[][] = []
	for (const d of diagnostics) (buckets[codeOrder.get(d.code)!] ??= []).push(d)
	const out: Diagnostic[] = []
	for (const bucket of buckets) {
		if (!bucket) continue
		let previous: Diagnostic | undefined
		for (const d of sortByKey(bucket, shapeOf, byMessage)) {
			if (previous && previous.shapeId === d.shapeId && previous.message === d.message) continue
			out.push(d)
			previous = d
		}
	}
	return out
}

const shapeOf = (d: Diagnostic) => d.shapeId ?? ''
const byMessage = (a: Diagnostic, b: Diagnostic) => cmp(a.message, b.message)
