import type { Editor, TLShapeId } from 'tldraw'

/**
 * Selects a shape and brings it into view (on its page, at most 100% zoom, so a milestone is
 * readable but its neighbours still show). Returns false when the shape is no longer on the map.
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
		editor.zoomToBounds(bounds.clone().expandBy(160), {
			targetZoom: 1,
			animation: { duration: editor.user.getAnimationSpeed() === 0 ? 0 : 320 },
		})
	}
	return true
}
