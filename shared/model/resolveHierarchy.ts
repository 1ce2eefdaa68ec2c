import type { Diagnostic } from '../schema/diagnosticSchema'
import { makeDiagnostic } from './makeDiagnostic'
import type { ShapeRecord } from './records'

export interface ShapePlacement {
	/** Position of the shape's origin on the page. */
	x: number
	y: number
	/** Rotation on the page, radians. */
	rotation: number
	/** The id of the nearest frame among its ancestors, or null. */
	stage: string | null
}

/**
 * Page positions and stages of the `wanted` shapes and their ancestors, from the `parentId`
 * chains (SPEC R6, S1). A parent
 * that does not exist puts the shape on the page; a chain that loops puts every shape on the
 * loop on the page, outside any stage. Iterative, so a 100,000-deep chain cannot overflow.
 */
export function resolveHierarchy(
	shapes: Map<string, ShapeRecord>,
	wanted: Iterable<ShapeRecord>,
	diagnostics: Diagnostic[]
): Map<string, ShapePlacement> {
	const placements = new Map<string, ShapePlacement>()
	const visiting = new Set<string>()
	for (const startShape of wanted) {
		if (placements.has(startShape.id)) continue
		// Fast path: a shape whose parent is the page, or an already placed shape.
		const parentId = startShape.parentId
		if (!parentId.startsWith('shape:')) {
			placements.set(startShape.id, place(startShape, undefined, null))
			continue
		}
		const placedParent = placements.get(parentId)
		if (placedParent) {
			placements.set(startShape.id, place(startShape, placedParent, shapes.get(parentId)!))
			continue
		}
		const chain: ShapeRecord[] = []
		let cur: ShapeRecord | undefined = startShape
		// The nearest ancestor that is already placed, or null for the page.
		let baseId: string | null = null
		while (cur) {
			if (placements.has(cur.id)) {
				baseId = cur.id
				break
			}
			if (visiting.has(cur.id)) {
				const loop = chain.splice(chain.findIndex((s) => s.id === cur!.id))
				for (const s of loop) {
					visiting.delete(s.id)
					placements.set(s.id, { x: s.x, y: s.y, rotation: s.rotation, stage: null })
					diagnostics.push(
						makeDiagnostic(
							'parent-cycle',
							s.id,
							`Shape ${s.id} is its own ancestor (its parents loop); it was placed on the page, outside any stage.`
						)
					)
				}
				baseId = cur.id
				break
			}
			visiting.add(cur.id)
			chain.push(cur)
			const parent = shapes.get(cur.parentId)
			if (!parent && cur.parentId.startsWith('shape:')) {
				diagnostics.push(
					makeDiagnostic(
						'parent-missing',
						cur.id,
						`Shape ${cur.id}'s parent ${cur.parentId} does not exist; it was placed on the page.`
					)
				)
			}
			cur = parent
		}
		for (let i = chain.length - 1; i >= 0; i--) {
			const s = chain[i]!
			visiting.delete(s.id)
			const base = baseId === null ? undefined : placements.get(baseId)
			placements.set(s.id, place(s, base, base ? shapes.get(baseId!)! : null))
			baseId = s.id
		}
	}
	return placements
}

function place(
	s: ShapeRecord,
	base: ShapePlacement | undefined,
	parent: ShapeRecord | null
): ShapePlacement {
	if (!base || !parent) return { x: s.x, y: s.y, rotation: s.rotation, stage: null }
	const stage = parent.type === 'frame' ? parent.id : base.stage
	if (base.rotation === 0) {
		return { x: base.x + s.x, y: base.y + s.y, rotation: s.rotation, stage }
	}
	const cos = Math.cos(base.rotation)
	const sin = Math.sin(base.rotation)
	return {
		x: base.x + s.x * cos - s.y * sin,
		y: base.y + s.x * sin + s.y * cos,
		rotation: base.rotation + s.rotation,
		stage,
	}
}
