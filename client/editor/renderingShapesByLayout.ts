import {
	computed,
	unsafe__withoutCapture,
	type Computed,
	type Editor,
	type TLRenderingShape,
} from 'tldraw'
import { ShapeLayout } from './ShapeLayout'
import { SortedById } from './SortedById'

const listByEditor = new WeakMap<Editor, Computed<TLRenderingShape[]>>()

/** tldraw's own walk of the page (internal in 5.4.2, hence not in its types). */
interface WithUnorderedRenderingShapes {
	getUnorderedRenderingShapes(useEditorState: boolean): TLRenderingShape[]
}

/**
 * The canvas's list of shapes (tldraw's `getRenderingShapes`: every shape on the current page
 * with its util, z-index and opacity, sorted by id), worked out again only when the page's
 * make-up changes (ShapeLayout), the page changes, or shapes start or stop being erased. Undefined
 * for an editor whose store ShapeLayout does not follow.
 *
 * tldraw 5.4.2 derives the list from every shape on the page, so any change to any shape made it
 * anew, and the canvas then walked all of it (React compares each shape's props). On a
 * 5,000-shape map a peer dragging 50 cards cost every participant both at every step. A move
 * needs neither: each shape places itself on the page from the store (tldraw's "set shape stuff"
 * effect), and its content redraws from its own props.
 *
 * The entries' `shape` is the record as it was when the list was made: read shapes from the store
 * (`editor.getShape`), as tldraw's canvas does. This app gives tldraw no `getShapeVisibility`,
 * whose answers could depend on anything; an editor with one would need it read here too.
 */
export function renderingShapesByLayout(editor: Editor): TLRenderingShape[] | undefined {
	let list = listByEditor.get(editor)
	if (!list) {
		const layout = ShapeLayout.of(editor.store)
		if (!layout) return undefined
		const walk = editor as unknown as WithUnorderedRenderingShapes
		const sorted = new SortedById<TLRenderingShape>()
		list = computed('rendering shapes by layout', () => {
			layout.get()
			editor.getCurrentPageId()
			editor.getErasingShapeIds()
			return sorted.of(unsafe__withoutCapture(() => walk.getUnorderedRenderingShapes(true)))
		})
		listByEditor.set(editor, list)
	}
	return list.get()
}
