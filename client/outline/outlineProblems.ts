import { atom, transact, type Atom, type Editor, type TLShapeId } from 'tldraw'
import type { Diagnostic } from '../../shared/schema/diagnosticSchema'
import { isTypedShapeType } from '../../shared/schema/typedShapes'

/** The worst problem of each shape: errors and warnings only (information is not marked). */
export type ShapeProblems = ReadonlyMap<string, { severity: 'error' | 'warning'; count: number }>

/** Each shape's problems (errors and warnings), from the plan's diagnostics. */
export function problemsByShape(diagnostics: readonly Diagnostic[]): ShapeProblems {
	const problems = new Map<string, { severity: 'error' | 'warning'; count: number }>()
	for (const d of diagnostics) {
		if (d.shapeId === null || d.severity === 'info') continue
		const seen = problems.get(d.shapeId)
		if (!seen) problems.set(d.shapeId, { severity: d.severity, count: 1 })
		else {
			seen.count++
			if (d.severity === 'error') seen.severity = 'error'
		}
	}
	return problems
}

/** What a typed shape's ring shows: `error:2`, `warning:1`, or null for no ring. */
export type RingLabel = string | null

function labelOf(problem: { severity: string; count: number } | undefined): RingLabel {
	return problem ? `${problem.severity}:${problem.count}` : null
}

/**
 * The shapes the open plan outline found problems with, as the canvas shows them. Empty while the
 * Plan tab is closed: the checks (and their cost) belong to the outline.
 *
 * Milestones, enablers and blockers draw their own ring (ProblemRing), each reading one atom of
 * its own that changes only when that shape's problems do: a new plan arrives four times a second
 * while a peer moves shapes, and one shared map would make every ring on a 5,000-shape map
 * re-check itself each time. Other shapes (arrows, frames) are few; ProblemMarkers draws them.
 */
class CanvasProblems {
	/** Problems of shapes other than milestones, enablers and blockers. */
	readonly others = atom<ShapeProblems>('outline problems on other shapes', new Map())
	private shown: ShapeProblems = new Map()
	private readonly rings = new Map<string, Atom<RingLabel>>()
	/**
	 * Whether each shape in `shown` is a milestone, enabler or blocker: looked up in the store once
	 * while the shape has problems (thousands of lookups a plan cost milliseconds each time).
	 */
	private typed = new Map<string, boolean>()

	/** The ring label of one milestone, enabler or blocker. */
	ringOf(id: string): Atom<RingLabel> {
		let ring = this.rings.get(id)
		if (!ring) {
			ring = atom(`problem ring ${id}`, labelOf(this.shown.get(id)))
			this.rings.set(id, ring)
		}
		return ring
	}

	/** Shows `problems` (those of the shapes in `editor`'s store) in place of the last ones. */
	show(editor: Editor, problems: ShapeProblems): void {
		const before = this.shown
		this.shown = problems
		const others = new Map<string, { severity: 'error' | 'warning'; count: number }>()
		const wasTyped = this.typed
		this.typed = new Map()
		transact(() => {
			for (const [id, problem] of problems) {
				// A shape not in the store (yet) is looked up again next time.
				let typed = wasTyped.get(id)
				if (typed === undefined) {
					const shape = editor.store.unsafeGetWithoutCapture(id as TLShapeId)
					if (shape) typed = isTypedShapeType(shape.type)
				}
				if (typed !== undefined) this.typed.set(id, typed)
				if (!typed) others.set(id, problem)
				const ring = this.rings.get(id)
				if (ring) ring.set(labelOf(problem))
			}
			for (const id of before.keys()) {
				if (!problems.has(id)) this.rings.get(id)?.set(null)
			}
			if (others.size > 0 || this.others.get().size > 0) this.others.set(others)
		})
	}
}

export const canvasProblems = new CanvasProblems()
