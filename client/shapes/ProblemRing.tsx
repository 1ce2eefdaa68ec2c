import { useValue } from 'tldraw'
import { canvasProblems } from '../outline/outlineProblems'

/**
 * The plan outline's problem ring around one milestone, enabler or blocker, drawn as part of the
 * shape: it moves with the shape without re-rendering, and re-renders only when this shape's own
 * problems change (while the Plan tab is open; nothing otherwise): it reads an atom of its own.
 */
export function ProblemRing({ id, w, h }: { id: string; w: number; h: number }) {
	const problem = useValue(canvasProblems.ringOf(id))
	if (!problem) return null
	const [severity, count] = problem.split(':')
	return (
		<div
			className="dm-problem-marker dm-problem-ring"
			data-severity={severity}
			data-shape-id={id}
			aria-hidden="true"
			style={{ width: w, height: h }}
		>
			<span className="dm-problem-badge">{Number(count) > 1 ? `!${count}` : '!'}</span>
		</div>
	)
}
