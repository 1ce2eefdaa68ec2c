import { useValue, type Editor, type TLShape, type TLShapeId } from 'tldraw'

/**
 * The live record of one shape while it is of `type`, else null. The outline's forms read the
 * shape itself rather than the plan, so what one types shows at once and never waits for the
 * plan's next extraction.
 */
export function useShapeOfType<S extends TLShape>(
	editor: Editor,
	shapeId: TLShapeId,
	type: S['type']
): S | null {
	return useValue(
		`outline ${type}`,
		() => {
			const shape = editor.getShape(shapeId)
			return shape && shape.type === type ? (shape as S) : null
		},
		[editor, shapeId, type]
	)
}
