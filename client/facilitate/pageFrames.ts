import type { Computed, Editor, TLFrameShape, TLShape } from 'tldraw'

type ShapeQuery = (editor: Editor) => Computed<TLShape[]>

/**
 * The stages (frames) of the editor's current page. Reads an incremental store query, so a
 * panel that follows the stages is not recomputed over every shape of a 5,000-shape map each
 * time one of them changes (editor.getCurrentPageShapes() is).
 */
export const pageFrames = onCurrentPage((editor) =>
	editor.store.query.records('shape', () => ({ type: { eq: 'frame' } }))
) as (editor: Editor) => TLFrameShape[]

/** The locked shapes of the current page, from an incremental store query likewise. */
export const pageLockedShapes = onCurrentPage((editor) =>
	editor.store.query.records('shape', () => ({ isLocked: { eq: true } }))
)

/** Reads a store query made once per editor, keeping the shapes on the current page. */
function onCurrentPage(query: ShapeQuery): (editor: Editor) => TLShape[] {
	const queries = new WeakMap<Editor, Computed<TLShape[]>>()
	return (editor) => {
		let shapes = queries.get(editor)
		if (!shapes) {
			shapes = query(editor)
			queries.set(editor, shapes)
		}
		const page = editor.getCurrentPageId()
		return shapes.get().filter((shape) => editor.getAncestorPageId(shape) === page)
	}
}
