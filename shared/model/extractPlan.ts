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
import { indexShapes, type ShapeIndex, type ShapeNode } from './indexShapes'
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
	resolveHierarchy(index.nodeOf, frames, diagnostics)
	resolveHierarchy(index.nodeOf, index.milestones, diagnostics)
	resolveHierarchy(index.nodeOf, index.enablers, diagnostics)
	resolveHierarchy(index.nodeOf, index.blockers, diagnostics)

	// Stages: frames, left to right by page x, then top to bottom by y (SPEC S2).
	frames.sort(byXThenY)
	for (let i = 0; i < frames.length; i++) frames[i]!.rank = i
	const stages: PlanStage[] = frames.map((f) => ({
		id: f.id,
		name: f.shape.props.name as string,
	}))

	// Typed shapes in spatial order: stage, then y, then x (SPEC O2).
	const milestoneNodes = inSpatialOrder(index.milestones, frames.length)
	const enablerNodes = inSpatialOrder(index.enablers, frames.length)
	const blockerNodes = inSpatialOrder(index.blockers, frames.length)

	const relations = readRelations(index, diagnostics)

	const { order, cycles } = orderMilestones(milestoneNodes.length, dependencyRows(milestoneNodes))
	const planOrder: ShapeNode[] = new Array(order.length)
	for (let i = 0; i < order.length; i++) {
		const node = milestoneNodes[order[i]!]!
		node.planRank = i
		planOrder[i] = node
	}

	// Relations and places, written into the entries made from the props (see entriesOf).
	const milestones: PlanMilestone[] = new Array(planOrder.length)
	for (let i = 0; i < planOrder.length; i++) {
		const node = planOrder[i]!
		const entry = node.entry as PlanMilestone
		// Blockers on the milestone, and on the enablers it relies on.
		let blockers = node.blockedBy
		if (node.enablers) {
			for (const e of node.enablers) {
				if (!e.blockedBy) continue
				blockers = blockers ? blockers.slice() : []
				for (const b of e.blockedBy) if (!blockers.includes(b)) blockers.push(b)
			}
		}
		entry.stage = stageIdOf(node)
		entry.dependsOn = idsBy(node.out, byPlanRank)
		entry.enablers = idsBy(node.enablers, byRank)
		entry.blockers = idsBy(blockers, byRank)
		milestones[i] = entry
	}
	const enablers: PlanEnabler[] = enablerNodes.map((node) => {
		const entry = node.entry as PlanEnabler
		entry.stage = stageIdOf(node)
		entry.enables = idsBy(node.out, byPlanRank)
		entry.blockers = idsBy(node.blockedBy, byRank)
		return entry
	})
	const blockers: PlanBlocker[] = blockerNodes.map((node) => {
		const entry = node.entry as PlanBlocker
		const targets = node.out ?? []
		entry.stage = stageIdOf(node)
		entry.blocks = [
			...idsBy(
				targets.filter((t) => t.type === 'milestone'),
				byPlanRank
			),
			...idsBy(
				targets.filter((t) => t.type === 'enabler'),
				byRank
			),
		]
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
			cycles: cycles.map((c) => c.map((rank) => milestoneNodes[rank]!)),
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
	for (const node of index.milestones) {
		const id = node.id
		const props = node.shape.props as unknown as MilestoneProps
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
		node.entry = {
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
	for (const node of index.enablers) {
		const props = node.shape.props as unknown as EnablerProps
		node.entry = {
			id: node.id,
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
	for (const node of index.blockers) {
		const props = node.shape.props as unknown as BlockerProps
		node.entry = {
			id: node.id,
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
function dependencyRows(milestones: ShapeNode[]): DependencyRows {
	const start = new Int32Array(milestones.length + 1)
	for (let i = 0; i < milestones.length; i++) {
		start[i + 1] = start[i]! + (milestones[i]!.out?.length ?? 0)
	}
	const deps = new Int32Array(start[milestones.length]!)
	for (let i = 0, k = 0; i < milestones.length; i++) {
		const out = milestones[i]!.out
		if (out) for (const m of out) deps[k++] = m.rank
	}
	return { start, deps }
}

function stageIdOf(node: ShapeNode): string | null {
	return node.stage ? node.stage.id : null
}

function byXThenY(a: ShapeNode, b: ShapeNode): number {
	return a.x - b.x || a.y - b.y || cmp(a.id, b.id)
}

/** Sorts typed shapes by stage (shapes outside any stage last), then y, then x; sets their rank. */
function inSpatialOrder(nodes: ShapeNode[], stageCount: number): ShapeNode[] {
	const stageRank = (n: ShapeNode) => (n.stage ? n.stage.rank : stageCount)
	const sorted = nodes
		.slice()
		.sort((a, b) => stageRank(a) - stageRank(b) || a.y - b.y || a.x - b.x || cmp(a.id, b.id))
	for (let i = 0; i < sorted.length; i++) sorted[i]!.rank = i
	return sorted
}

const byRank = (a: ShapeNode, b: ShapeNode) => a.rank - b.rank
const byPlanRank = (a: ShapeNode, b: ShapeNode) => a.planRank - b.planRank

/** The ids of `nodes` in the order given (by rank or by plan rank). */
function idsBy(nodes: ShapeNode[] | null, order: (a: ShapeNode, b: ShapeNode) => number): string[] {
	if (!nodes || nodes.length === 0) return []
	const n = nodes.length
	if (n === 1) return [nodes[0]!.id]
	if (n > 16) {
		return nodes
			.slice()
			.sort(order)
			.map((node) => node.id)
	}
	// Most shapes have a link or two: an insertion sort in place of Array.prototype.sort, which
	// allocates its own work arrays on every call.
	const sorted = nodes.slice()
	for (let i = 1; i < n; i++) {
		const node = sorted[i]!
		let j = i - 1
		while (j >= 0 && order(sorted[j]!, node) > 0) {
			sorted[j + 1] = sorted[j]!
			j--
		}
		sorted[j + 1] = node
	}
	const ids: string[] = new Array(n)
	for (let i = 0; i < n; i++) ids[i] = sorted[i]!.id
	return ids
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
