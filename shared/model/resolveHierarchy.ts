import type { Diagnostic } from '../schema/diagnosticSchema'
import type { ShapeNode } from './indexShapes'
import { makeDiagnostic } from './makeDiagnostic'

/**
 * Page positions and stages of the `wanted` shapes and their ancestors, from the `parentId`
 * chains (SPEC R6, S1), written into the nodes. A parent that does not exist puts the shape on
 * the page; a chain that loops puts every shape on the loop on the page, outside any stage.
 * Iterative, so a 100,000-deep chain cannot overflow.
 */
export function resolveHierarchy(
	nodeOf: (id: string) => ShapeNode | undefined,
	wanted: ShapeNode[],
	diagnostics: Diagnostic[]
): void {
	const chain: ShapeNode[] = []
	// Shapes come in runs with one parent (a stage's shapes): the last parent found is kept.
	let lastParentId = ''
	let lastParent: ShapeNode | undefined
	for (let w = 0; w < wanted.length; w++) {
		const start = wanted[w]!
		if (start.placement === 2) continue
		// Fast path: a shape on the page, or whose parent is already placed.
		const parentId = start.shape.parentId
		if (!parentId.startsWith('shape:')) {
			place(start, null)
			continue
		}
		if (parentId !== lastParentId) {
			lastParentId = parentId
			lastParent = nodeOf(parentId)
		}
		const parent = lastParent
		if (parent && parent.placement === 2) {
			place(start, parent)
			continue
		}
		chain.length = 0
		let cur: ShapeNode | undefined = start
		// The nearest ancestor that is already placed, or null for the page.
		let base: ShapeNode | null = null
		while (cur) {
			if (cur.placement === 2) {
				base = cur
				break
			}
			if (cur.placement === 1) {
				const loop = chain.splice(chain.indexOf(cur))
				for (const s of loop) {
					place(s, null)
					diagnostics.push(
						makeDiagnostic(
							'parent-cycle',
							s.id,
							`Shape ${s.id} is its own ancestor (its parents loop); it was placed on the page, outside any stage.`
						)
					)
				}
				base = cur
				break
			}
			cur.placement = 1
			chain.push(cur)
			const next = nodeOf(cur.shape.parentId)
			if (!next && cur.shape.parentId.startsWith('shape:')) {
				diagnostics.push(
					makeDiagnostic(
						'parent-missing',
						cur.id,
						`Shape ${cur.id}'s parent ${cur.shape.parentId} does not exist; it was placed on the page.`
					)
				)
			}
			cur = next
		}
		for (let i = chain.length - 1; i >= 0; i--) {
			const s = chain[i]!
			place(s, base)
			base = s
		}
	}
}

/** Places `s` inside its placed parent (or on the page when `parent` is null). */
function place(s: ShapeNode, parent: ShapeNode | null): void {
	const shape = s.shape
	s.placement = 2
	if (!parent) {
		s.x = shape.x
		s.y = shape.y
		s.rotation = shape.rotation
		s.stage = null
		return
	}
	s.stage = parent.type === 'frame' ? parent : parent.stage
	if (parent.rotation === 0) {
		s.x = parent.x + shape.x
		s.y = parent.y + shape.y
		s.rotation = shape.rotation
		return
	}
	const cos = Math.cos(parent.rotation)
	const sin = Math.sin(parent.rotation)
	s.x = parent.x + shape.x * cos - shape.y * sin
	s.y = parent.y + shape.x * sin + shape.y * cos
	s.rotation = parent.rotation + shape.rotation
}
