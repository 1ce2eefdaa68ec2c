import type { Diagnostic } from '../schema/diagnosticSchema'
import { FRAME, type ShapeIndex } from './indexShapes'
import { makeDiagnostic } from './makeDiagnostic'

/**
 * Page positions and stages of the `wanted` nodes and their ancestors, from the `parentId`
 * chains (SPEC R6, S1), written into the index. A parent that does not exist puts the shape on
 * the page; a chain that loops puts every shape on the loop on the page, outside any stage.
 * Iterative, so a 100,000-deep chain cannot overflow.
 */
export function resolveHierarchy(
	index: ShapeIndex,
	wanted: readonly number[],
	diagnostics: Diagnostic[]
): void {
	const chain: number[] = []
	// Shapes come in runs with one parent (a stage's shapes): the last parent found is kept.
	let lastParentId = ''
	let lastParent = -1
	for (let w = 0; w < wanted.length; w++) {
		const start = wanted[w]!
		if (index.placement[start] === 2) continue
		// Fast path: a shape on the page, or whose parent is already placed.
		const parentId = index.shape(start).parentId
		if (!parentId.startsWith('shape:')) {
			place(index, start, -1)
			continue
		}
		if (parentId !== lastParentId) {
			lastParentId = parentId
			lastParent = index.nodeOf(parentId)
		}
		const parent = lastParent
		if (parent >= 0 && index.placement[parent] === 2) {
			place(index, start, parent)
			continue
		}
		chain.length = 0
		let cur = start
		// The nearest ancestor that is already placed, or -1 for the page.
		let base = -1
		while (cur >= 0) {
			if (index.placement[cur] === 2) {
				base = cur
				break
			}
			if (index.placement[cur] === 1) {
				const loop = chain.splice(chain.indexOf(cur))
				for (const s of loop) {
					place(index, s, -1)
					const id = index.ids[s]!
					diagnostics.push(
						makeDiagnostic(
							'parent-cycle',
							id,
							`Shape ${id} is its own ancestor (its parents loop); it was placed on the page, outside any stage.`
						)
					)
				}
				base = cur
				break
			}
			index.placement[cur] = 1
			chain.push(cur)
			const curParentId = index.shape(cur).parentId
			const next = index.nodeOf(curParentId)
			if (next < 0 && curParentId.startsWith('shape:')) {
				const id = index.ids[cur]!
				diagnostics.push(
					makeDiagnostic(
						'parent-missing',
						id,
						`Shape ${id}'s parent ${curParentId} does not exist; it was placed on the page.`
					)
				)
			}
			cur = next
		}
		for (let i = chain.length - 1; i >= 0; i--) {
			const s = chain[i]!
			place(index, s, base)
			base = s
		}
	}
}

/** Places node `s` inside its placed parent (or on the page when `parent` is -1). */
function place(index: ShapeIndex, s: number, parent: number): void {
	const shape = index.shape(s)
	const { x, y, rotation } = index
	index.placement[s] = 2
	if (parent < 0) {
		x[s] = shape.x
		y[s] = shape.y
		rotation[s] = shape.rotation
		index.stage[s] = -1
		return
	}
	index.stage[s] = index.kind[parent] === FRAME ? parent : index.stage[parent]!
	const turn = rotation[parent]!
	if (turn === 0) {
		x[s] = x[parent]! + shape.x
		y[s] = y[parent]! + shape.y
		rotation[s] = shape.rotation
		return
	}
	const cos = Math.cos(turn)
	const sin = Math.sin(turn)
	x[s] = x[parent]! + shape.x * cos - shape.y * sin
	y[s] = y[parent]! + shape.x * sin + shape.y * cos
	rotation[s] = turn + shape.rotation
}
