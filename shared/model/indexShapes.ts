import type { PlanBlocker, PlanEnabler, PlanMilestone } from '../schema/planSchema'
import type { IdIndex } from './IdIndex'
import { positionsOf, type RestoredRecords } from './restoreRecords'
import type { RecordLike, ShapeRecord } from './records'

/** What a node is: another shape (made a node as the parent of one), a stage, or a typed shape. */
export const OTHER = 0
export const FRAME = 1
export const MILESTONE = 2
export const ENABLER = 3
export const BLOCKER = 4

/**
 * The frames, milestones, enablers and blockers of a map (and other shapes that are the parent
 * of one) as numbered nodes, with everything extraction works out about each node in a typed
 * array by node number. Arrows and bindings get no node: a 5,000-shape map has as many arrows
 * and twice as many bindings, and extraction needs only their ends.
 *
 * Numbers in typed arrays, not an object per shape: the arrays live outside the JavaScript heap,
 * so a young-generation collection during extraction does not copy them (on a 5,000-shape map
 * such collections cost more than the work itself).
 */
export class ShapeIndex {
	readonly records: RecordLike[]
	/** Where the record with an id sits in `records` (restoreRecords' own index), if anywhere. */
	readonly positions: IdIndex
	/** Nodes made so far. */
	count = 0
	/** The node of the record at each position + 1, or 0. */
	private readonly nodeAtRecord: Int32Array
	/** By node: its record's position, kind and id. */
	recordOf: Int32Array
	kind: Uint8Array
	ids: string[]
	/** By node: page position and rotation (filled by resolveHierarchy). */
	x: Float64Array
	y: Float64Array
	rotation: Float64Array
	/** By node: the nearest frame among its ancestors (SPEC S1), or -1. */
	stage: Int32Array
	/** By node: 0 not placed yet, 1 on the chain being placed, 2 placed. */
	placement: Uint8Array
	/** By node: position among the nodes of its kind (stage order for frames, spatial order O2 else). */
	rank: Int32Array
	/** By node: position in plan order (milestones only). */
	planRank: Int32Array
	/** By node: its entry in the plan (typed shapes), made before its place is known. */
	entries: (PlanMilestone | PlanEnabler | PlanBlocker | undefined)[]
	/** Nodes by kind, in record order. */
	readonly frames: number[] = []
	readonly milestones: number[] = []
	readonly enablers: number[] = []
	readonly blockers: number[] = []
	/** Positions in `records` of the arrows and of the bindings (filled by indexShapes). */
	arrows: Int32Array = new Int32Array(0)
	bindings: Int32Array = new Int32Array(0)

	constructor(records: RecordLike[], positions: IdIndex, capacity: number) {
		this.records = records
		this.positions = positions
		this.nodeAtRecord = new Int32Array(records.length)
		this.recordOf = new Int32Array(capacity)
		this.kind = new Uint8Array(capacity)
		this.ids = new Array<string>(capacity)
		this.x = new Float64Array(capacity)
		this.y = new Float64Array(capacity)
		this.rotation = new Float64Array(capacity)
		this.stage = new Int32Array(capacity)
		this.placement = new Uint8Array(capacity)
		this.rank = new Int32Array(capacity)
		this.planRank = new Int32Array(capacity)
		this.entries = new Array(capacity)
	}

	/** The shape record of a node. */
	shape(node: number): ShapeRecord {
		return this.records[this.recordOf[node]!] as ShapeRecord
	}

	/** The node of the shape at this position in `records` (made on first use), or -1. */
	nodeAt(at: number): number {
		const known = this.nodeAtRecord[at]!
		if (known !== 0) return known - 1
		if (this.records[at]!.typeName !== 'shape') return -1
		return this.add(at, OTHER)
	}

	/** The node of the shape with this id, or -1. */
	nodeOf(id: string): number {
		const at = this.positions.get(id)
		return at < 0 ? -1 : this.nodeAt(at)
	}

	/** The shape type of a node, as messages name it. */
	typeOf(node: number): string {
		return this.shape(node).type
	}

	add(at: number, kind: number): number {
		if (this.count === this.ids.length) this.grow()
		const node = this.count++
		this.nodeAtRecord[at] = node + 1
		this.recordOf[node] = at
		this.kind[node] = kind
		this.ids[node] = this.records[at]!.id
		this.stage[node] = -1
		return node
	}

	/** More room: a shape no node was counted for (an arrow) turned out to be a parent. */
	private grow(): void {
		const size = this.ids.length * 2 + 16
		const more = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
			const bigger = new (a.constructor as new (n: number) => T)(size)
			bigger.set(a)
			return bigger
		}
		this.recordOf = more(this.recordOf)
		this.kind = more(this.kind)
		this.x = more(this.x)
		this.y = more(this.y)
		this.rotation = more(this.rotation)
		this.stage = more(this.stage)
		this.placement = more(this.placement)
		this.rank = more(this.rank)
		this.planRank = more(this.planRank)
		this.ids.length = size
		this.entries.length = size
	}
}

/** The shapes of restored records by kind, and the arrows and bindings, in one pass. */
export function indexShapes(restored: RestoredRecords): ShapeIndex {
	const records = restored.records
	// Every shape but an arrow becomes a node when needed (as a parent, if not for its own sake);
	// an arrow that is a parent (only a crafted file has one) makes the index grow.
	let shapes = 0
	let arrows = 0
	let bindings = 0
	for (let i = 0; i < records.length; i++) {
		const record = records[i]!
		if (record.typeName === 'shape') {
			if ((record as ShapeRecord).type === 'arrow') arrows++
			else shapes++
		} else if (record.typeName === 'binding') bindings++
	}
	const index = new ShapeIndex(records, positionsOf(restored), shapes)
	index.arrows = new Int32Array(arrows)
	index.bindings = new Int32Array(bindings)
	arrows = 0
	bindings = 0
	for (let i = 0; i < records.length; i++) {
		const record = records[i]!
		if (record.typeName === 'shape') {
			switch ((record as ShapeRecord).type) {
				case 'arrow':
					index.arrows[arrows++] = i
					break
				case 'frame':
					index.frames.push(index.add(i, FRAME))
					break
				case 'milestone':
					index.milestones.push(index.add(i, MILESTONE))
					break
				case 'enabler':
					index.enablers.push(index.add(i, ENABLER))
					break
				case 'blocker':
					index.blockers.push(index.add(i, BLOCKER))
					break
			}
		} else if (record.typeName === 'binding') {
			index.bindings[bindings++] = i
		}
	}
	return index
}
