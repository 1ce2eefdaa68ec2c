import { useEditor, useValue, type TLShapeId } from 'tldraw'
import './outline.css'
import { canvasProblems } from './outlineProblems'

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
 * outline found problems with, red for errors and amber for warnings, with a count badge. Typed
 * shapes draw their own (ProblemRing) and are not in `canvasProblems.others`, so this computed
 * walks only the few other shapes, not thousands, each time shapes move. Only shapes in view get
 * a marker.
 */
export function ProblemMarkers() {
	const editor = useEditor()
	const markers = useValue(
		'problem markers',
		() => {
			const problems = canvasProblems.others.get()
			if (problems.size === 0) return []
			const onPage = editor.getCurrentPageShapeIds()
			const culled = editor.getCulledShapes()
			const list: Marker[] = []
			for (const [id, problem] of problems) {
				const shapeId = id as TLShapeId
				if (!onPage.has(shapeId) || culled.has(shapeId)) continue
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
