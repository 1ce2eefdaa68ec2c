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
import { diagnosticCodes } from './diagnosticCodes'
import { makeDiagnostic } from './makeDiagnostic'
import { orderMilestones } from './orderMilestones'
import { readRelations } from './readRelations'
import { isBindingRecord, isShapeRecord, type BindingRecord, type ShapeRecord } from './records'
import { resolveHierarchy, type ShapePlacement } from './resolveHierarchy'
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
	const diagnostics: Diagnostic[] = [...restored.diagnostics]
	const today =
		typeof options.today === 'string' && isCalendarDate(options.today)
			? options.today
			: localToday()

	const shapes = new Map<string, ShapeRecord>()
	const bindings: BindingRecord[] = []
	const byType: Record<'frame' | 'milestone' | 'enabler' | 'blocker' | 'arrow', ShapeRecord[]> = {
		frame: [],
		milestone: [],
		enabler: [],
		blocker: [],
		arrow: [],
	}
	for (const record of restored.records) {
		if (isShapeRecord(record)) {
			shapes.set(record.id, record)
			const type = record.type
			if (
				type === 'frame' ||
				type === 'milestone' ||
				type === 'enabler' ||
				type === 'blocker' ||
				type === 'arrow'
			) {
				byType[type].push(record)
			}
		} else if (isBindingRecord(record)) bindings.push(record)
	}
	const placements = resolveHierarchy(
		shapes,
		[...byType.frame, ...byType.milestone, ...byType.enabler, ...byType.blocker],
		diagnostics
	)

	// Stages: frames, left to right by page x, then top to bottom by y (SPEC S2).
	const frames = byType.frame
	frames.sort((a, b) => compareSpatial(placements.get(a.id)!, a.id, placements.get(b.id)!, b.id))
	const stageRank = new Map<string, number>(frames.map((f, i) => [f.id, i]))
	const stages: PlanStage[] = frames.map((f) => ({ id: f.id, name: f.props.name as string }))

	// Typed shapes in spatial order: stage, then y, then x (SPEC O2).
	const rankOf = (s: ShapeRecord) => {
		const p = placements.get(s.id)!
		return p.stage === null ? frames.length : stageRank.get(p.stage)!
	}
	const spatial = (list: ShapeRecord[]) =>
		list
			.map((s) => ({ s, r: rankOf(s), p: placements.get(s.id)! }))
			.sort((a, b) => a.r - b.r || compareSpatial(a.p, a.s.id, b.p, b.s.id, 'yx'))
			.map((x) => x.s)
	const milestoneShapes = spatial(byType.milestone)
	const enablerShapes = spatial(byType.enabler)
	const blockerShapes = spatial(byType.blocker)

	const relations = readRelations(shapes, byType.arrow, bindings, diagnostics)
	const dependsOn = new Map<string, string[]>()
	const enablersOf = new Map<string, string[]>()
	const enables = new Map<string, string[]>()
	const blocks = new Map<string, string[]>()
	const blockersOn = new Map<string, string[]>()
	const push = (map: Map<string, string[]>, key: string, value: string) => {
		const list = map.get(key)
		if (!list) map.set(key, [value])
		else if (!list.includes(value)) list.push(value)
	}
	for (const r of relations) {
		if (r.kind === 'depends-on') push(dependsOn, r.to, r.from)
		else if (r.kind === 'enables') {
			push(enablersOf, r.to, r.from)
			push(enables, r.from, r.to)
		} else {
			push(blocks, r.from, r.to)
			push(blockersOn, r.to, r.from)
		}
	}

	const spatialRank = new Map(milestoneShapes.map((s, i) => [s.id, i]))
	const { order, cycles } = orderMilestones(
		milestoneShapes.map((s) => s.id),
		spatialRank,
		dependsOn
	)
	const planRank = new Map(order.map((id, i) => [id, i]))
	const enablerRank = new Map(enablerShapes.map((s, i) => [s.id, i]))
	const blockerRank = new Map(blockerShapes.map((s, i) => [s.id, i]))
	const sortBy = (rank: Map<string, number>) => (list: string[] | undefined) =>
		[...(list ?? [])].sort((a, b) => rank.get(a)! - rank.get(b)!)
	const inPlanOrder = sortBy(planRank)
	const inEnablerOrder = sortBy(enablerRank)
	const inBlockerOrder = sortBy(blockerRank)

	const milestones: PlanMilestone[] = order.map((id) => {
		const shape = shapes.get(id)!
		const props = shape.props as unknown as MilestoneProps
		const checkins = sortedCheckins(id, props.checkins, diagnostics)
		const newest = checkins[checkins.length - 1]
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
		const enablerIds = enablersOf.get(id) ?? []
		let blockerIds = blockersOn.get(id) ?? []
		for (const e of enablerIds) {
			const more = blockersOn.get(e)
			if (more) blockerIds = [...new Set([...blockerIds, ...more])]
		}
		return {
			id,
			title: props.title,
			outcome: props.outcome,
			owner: props.owner,
			unblocker: props.unblocker,
			due: props.due,
			status: props.status,
			rag,
			checkins,
			stage: placements.get(id)!.stage,
			dependsOn: inPlanOrder(dependsOn.get(id)),
			enablers: inEnablerOrder(enablerIds),
			blockers: inBlockerOrder(blockerIds),
		}
	})
	const enablers: PlanEnabler[] = enablerShapes.map((shape) => {
		const props = shape.props as unknown as EnablerProps
		return {
			id: shape.id,
			service: props.service,
			contribution: props.contribution,
			how: props.how,
			neededBy: props.neededBy,
			owner: props.owner,
			status: props.status,
			stage: placements.get(shape.id)!.stage,
			enables: inPlanOrder(enables.get(shape.id)),
			blockers: inBlockerOrder(blockersOn.get(shape.id)),
		}
	})
	const blockers: PlanBlocker[] = blockerShapes.map((shape) => {
		const props = shape.props as unknown as BlockerProps
		const targets = blocks.get(shape.id) ?? []
		return {
			id: shape.id,
			title: props.title,
			kind: props.kind,
			owner: props.owner,
			severity: props.severity,
			status: props.status,
			stage: placements.get(shape.id)!.stage,
			blocks: [
				...inPlanOrder(targets.filter((t) => planRank.has(t))),
				...inEnablerOrder(targets.filter((t) => enablerRank.has(t))),
			],
		}
	})
	relations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

	const plan: Plan = { ...emptyPlan(), stages, milestones, enablers, blockers, relations }
	checkPlan(plan, { today, cycles }, diagnostics)
	plan.diagnostics = sortDiagnostics(diagnostics)
	return plan
}

function compareSpatial(
	a: ShapePlacement,
	aId: string,
	b: ShapePlacement,
	bId: string,
	axes: 'xy' | 'yx' = 'xy'
): number {
	const [a1, a2, b1, b2] = axes === 'xy' ? [a.x, a.y, b.x, b.y] : [a.y, a.x, b.y, b.x]
	return a1 - b1 || a2 - b2 || (aId < bId ? -1 : aId > bId ? 1 : 0)
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
const codeRank = new Map(Object.keys(diagnosticCodes).map((c, i) => [c, i]))

/** Errors first, then warnings, then information; within a severity by code, shape and message. */
function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
	const seen = new Set<string>()
	const unique = diagnostics.filter((d) => {
		const key = `${d.code}\u0000${d.shapeId}\u0000${d.message}`
		if (seen.has(key)) return false
		seen.add(key)
		return true
	})
	return unique.sort(
		(a, b) =>
			severityRank[a.severity] - severityRank[b.severity] ||
			codeRank.get(a.code)! - codeRank.get(b.code)! ||
			cmp(a.shapeId ?? '', b.shapeId ?? '') ||
			cmp(a.message, b.message)
	)
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}
