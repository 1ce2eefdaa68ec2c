import { useEditor, useValue, type TLShapeId } from 'tldraw'
import './outline.css'
import { outlineProblems } from './outlineProblems'

interface Marker {
	id: string
	x: number
	y: number
	w: number
	h: number
	severity: 'error' | 'warning'
	count: number
}

/**
 * On the canvas (page space): a ring around each arrow or other shape on screen that the plan
 * outline found problems with, red for errors and amber for warnings, with a count badge (typed
 * shapes draw their own: ProblemRing). Only shapes in view get a marker.
 */
export function ProblemMarkers() {
	const editor = useEditor()
	const markers = useValue(
		'problem markers',
		() => {
			const problems = outlineProblems.get()
			if (problems.size === 0) return []
			const onPage = editor.getCurrentPageShapeIds()
			const culled = editor.getCulledShapes()
			const list: Marker[] = []
			for (const [id, problem] of problems) {
				const shapeId = id as TLShapeId
				if (!onPage.has(shapeId) || culled.has(shapeId)) continue
				// Milestones, enablers and blockers draw their own ring (ProblemRing), which moves
				// with them without re-rendering; this layer is for arrows and other shapes.
				const type = editor.getShape(shapeId)?.type
				if (type === 'milestone' || type === 'enabler' || type === 'blocker') continue
				const bounds = editor.getShapePageBounds(shapeId)
				if (!bounds) continue
				list.push({ id, x: bounds.x, y: bounds.y, w: bounds.w, h: bounds.h, ...problem })
			}
			return list
		},
		[editor]
	)
	if (markers.length === 0) return null
	return (
		<div className="dm-problem-markers" aria-hidden="true">
			{markers.map((m) => (
				<div
					key={m.id}
					className="dm-problem-marker"
					data-severity={m.severity}
					data-shape-id={m.id}
					style={{ transform: `translate(${m.x}px, ${m.y}px)`, width: m.w, height: m.h }}
				>
					<span className="dm-problem-badge">{m.count > 1 ? `!${m.count}` : '!'}</span>
				</div>
			))}
		</div>
	)
}
