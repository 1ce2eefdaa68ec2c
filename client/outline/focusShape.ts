import type { Editor, TLShapeId } from 'tldraw'

/**
 * Selects a shape on the canvas and brings it into view (zoomed to at most 100 %, with room
 * around it). Returns false when the map has no such shape (any more).
 */
export function focusShape(editor: Editor, id: string): boolean {
	const shapeId = id as TLShapeId
	const shape = editor.getShape(shapeId)
	if (!shape) return false
	const pageId = editor.getAncestorPageId(shape)
	if (pageId && pageId !== editor.getCurrentPageId()) editor.setCurrentPage(pageId)
	editor.select(shapeId)
	const bounds = editor.getShapePageBounds(shapeId)
	if (bounds) {
		editor.zoomToBounds(bounds.clone().expandBy(80), {
			targetZoom: 1,
			animation: { duration: 200 },
		})
	}
	return true
}
