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
 * On the canvas (page space, behind the shapes): a ring around each shape on screen that the
 * plan outline found problems with, red for errors and amber for warnings, with a count badge.
 * Only shapes in view get a marker, so a large map costs what is on screen.
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
