import { positionsOf, type RestoredRecords } from './restoreRecords'
import type { BindingRecord, ShapeRecord } from './records'

/**
 * One shape of the map with everything extraction works out about it, so that each later step
 * reads one object instead of looking the shape up in a map per question.
 */
export interface ShapeNode {
	shape: ShapeRecord
	/** The shape's id and type, copied so hot loops need not reach into the record. */
	id: string
	type: string
	/** Page position and rotation (filled by resolveHierarchy). */
	x: number
	y: number
	rotation: number
	/** The nearest frame among its ancestors (SPEC S1), or null. */
	stage: ShapeNode | null
	/** 0 not placed yet, 1 on the chain being placed, 2 placed. */
	placement: 0 | 1 | 2
	/** Position among the shapes of its kind: stage order for frames, spatial order (O2) else. */
	rank: number
	/** Position in plan order (milestones only). */
	planRank: number
	/** Milestones: those it depends on. Enablers: the milestones they enable. Blockers: what they block. */
	out: ShapeNode[] | null
	/** Milestones: their enablers. */
	enablers: ShapeNode[] | null
	/** Milestones and enablers: the blockers on them. */
	blockedBy: ShapeNode[] | null
	/** Arrows: the binding of each end (the smaller id when an end has two). */
	start: BindingRecord | null
	end: BindingRecord | null
}

export interface ShapeIndex {
	/** The node of the shape with this id, if there is one. */
	nodeOf: (id: string) => ShapeNode | undefined
	frames: ShapeNode[]
	milestones: ShapeNode[]
	enablers: ShapeNode[]
	blockers: ShapeNode[]
	arrows: ShapeNode[]
	bindings: BindingRecord[]
}

/** The shapes of restored records by id and by kind, and the bindings, in one pass. */
export function indexShapes(restored: RestoredRecords): ShapeIndex {
	const records = restored.records
	// Nodes by the position of their record: ids are looked up in restoreRecords' own index.
	const nodeAt: (ShapeNode | undefined)[] = new Array(records.length)
	const positions = positionsOf(restored)
	const nodeOf = (id: string) => {
		const at = positions.get(id)
		if (at === undefined) return undefined
		const node = nodeAt[at]
		return node && node.id === id ? node : undefined
	}
	const index: ShapeIndex = {
		nodeOf,
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
			const shape = record as ShapeRecord
			const type = shape.type
			const node: ShapeNode = {
				shape,
				id: shape.id,
				type,
				x: 0,
				y: 0,
				rotation: 0,
				stage: null,
				placement: 0,
				rank: -1,
				planRank: -1,
				out: null,
				enablers: null,
				blockedBy: null,
				start: null,
				end: null,
			}
			nodeAt[i] = node
			switch (type) {
				case 'frame':
					index.frames.push(node)
					break
				case 'milestone':
					index.milestones.push(node)
					break
				case 'enabler':
					index.enablers.push(node)
					break
				case 'blocker':
					index.blockers.push(node)
					break
				case 'arrow':
					index.arrows.push(node)
					break
			}
		} else if (record.typeName === 'binding') {
			index.bindings.push(record as BindingRecord)
		}
	}
	return index
}

/** Adds `node` to a link list once. */
export function link(list: ShapeNode[] | null, node: ShapeNode): ShapeNode[] {
	if (!list) return [node]
	if (!list.includes(node)) list.push(node)
	return list
}
