import type { PlanBlocker, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import type { IdIndex } from './IdIndex'
import { positionsOf, type RestoredRecords } from './restoreRecords'
import type { RecordLike, ShapeRecord } from './records'

/**
 * A frame, milestone, enabler or blocker (or another shape that is the parent of one) with
 * everything extraction works out about it, so that each later step reads one object instead of
 * looking the shape up in a map per question. Arrows and bindings get no node: a 5,000-shape map
 * has as many arrows and twice as many bindings, and extraction needs only their ends.
 */
export class ShapeNode {
	/** Page position and rotation (filled by resolveHierarchy). */
	x = 0
	y = 0
	rotation = 0
	/** The nearest frame among its ancestors (SPEC S1), or null. */
	stage: ShapeNode | null = null
	/** 0 not placed yet, 1 on the chain being placed, 2 placed. */
	placement: 0 | 1 | 2 = 0
	/** Position among the shapes of its kind: stage order for frames, spatial order (O2) else. */
	rank = -1
	/** Position in plan order (milestones only). */
	planRank = -1
	/** Milestones: those it depends on. Enablers: the milestones they enable. Blockers: what they block. */
	out: ShapeNode[] | null = null
	/** Milestones: their enablers. */
	enablers: ShapeNode[] | null = null
	/** Milestones and enablers: the blockers on them. */
	blockedBy: ShapeNode[] | null = null
	/** Its entry in the plan (milestones, enablers and blockers), made before its place is known. */
	entry: PlanMilestone | PlanEnabler | PlanBlocker | null = null
	/** The shape's id and type, copied so hot loops need not reach into the record. */
	readonly id: string
	readonly type: string
	constructor(readonly shape: ShapeRecord) {
		this.id = shape.id
		this.type = shape.type
	}
}

export interface ShapeIndex {
	records: RecordLike[]
	/** Where the record with an id sits in `records` (restoreRecords' own index), if anywhere. */
	positions: IdIndex
	/** The node of the shape with this id (made on first use for shapes of other types). */
	nodeOf: (id: string) => ShapeNode | undefined
	/** The node of the shape at this position in `records`, likewise. */
	nodeAt: (at: number) => ShapeNode | undefined
	frames: ShapeNode[]
	milestones: ShapeNode[]
	enablers: ShapeNode[]
	blockers: ShapeNode[]
	/** Positions in `records` of the arrows and of the bindings. */
	arrows: number[]
	bindings: number[]
}

/** The shapes of restored records by kind, and the arrows and bindings, in one pass. */
export function indexShapes(restored: RestoredRecords): ShapeIndex {
	const records = restored.records
	// Nodes by the position of their record: ids are looked up in restoreRecords' own index.
	const nodes: (ShapeNode | undefined)[] = new Array(records.length)
	const positions = positionsOf(restored)
	const nodeAt = (at: number) => {
		const node = nodes[at]
		if (node) return node
		const record = records[at]!
		if (record.typeName !== 'shape') return undefined
		return (nodes[at] = new ShapeNode(record as ShapeRecord))
	}
	const nodeOf = (id: string) => {
		const at = positions.get(id)
		return at < 0 ? undefined : nodeAt(at)
	}
	const index: ShapeIndex = {
		records,
		positions,
		nodeOf,
		nodeAt,
		frames: [],
		milestones: [],
		enablers: [],
		blockers: [],
		arrows: [],
		bindings: [],
	}
	for (let i = 0; i < records.length; i++) {
		const record = records[i]!
		if (record.typeName === 'shape') {
			let list: ShapeNode[]
			switch ((record as ShapeRecord).type) {
				case 'arrow':
					index.arrows.push(i)
					continue
				case 'frame':
					list = index.frames
					break
				case 'milestone':
					list = index.milestones
					break
				case 'enabler':
					list = index.enablers
					break
				case 'blocker':
					list = index.blockers
					break
				default:
					continue
			}
			const node = new ShapeNode(record as ShapeRecord)
			nodes[i] = node
			list.push(node)
		} else if (record.typeName === 'binding') {
			index.bindings.push(i)
		}
	}
	return index
}

/**
 * Adds `node` to a link list once. Short lists are copied at their exact size: most shapes have a
 * link or two, and pushing onto a one-element array gives it room for seventeen.
 */
export function link(list: ShapeNode[] | null, node: ShapeNode): ShapeNode[] {
	if (!list) return [node]
	if (list.includes(node)) return list
	switch (list.length) {
		case 1:
			return [list[0]!, node]
		case 2:
			return [list[0]!, list[1]!, node]
		case 3:
			return [list[0]!, list[1]!, list[2]!, node]
	}
	list.push(node)
	return list
}
