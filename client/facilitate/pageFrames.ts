import type { Computed, Editor, TLFrameShape, TLShape } from 'tldraw'

const framesByEditor = new WeakMap<Editor, Computed<TLShape[]>>()
const lockedByEditor = new WeakMap<Editor, Computed<TLShape[]>>()

/**
 * The stages (frames) of the editor's current page. Reads an incremental store query, so a
 * panel that follows the stages is not recomputed over every shape of a 5,000-shape map each
 * time one of them changes (editor.getCurrentPageShapes() is).
 */
export function pageFrames(editor: Editor): TLFrameShape[] {
	let frames = framesByEditor.get(editor)
	if (!frames) {
		frames = editor.store.query.records('shape', () => ({ type: { eq: 'frame' } }))
		framesByEditor.set(editor, frames)
	}
	return onCurrentPage(editor, frames.get()) as TLFrameShape[]
}

/** The locked shapes of the current page, from an incremental store query likewise. */
export function pageLockedShapes(editor: Editor): TLShape[] {
	let locked = lockedByEditor.get(editor)
	if (!locked) {
		locked = editor.store.query.records('shape', () => ({ isLocked: { eq: true } }))
		lockedByEditor.set(editor, locked)
	}
	return onCurrentPage(editor, locked.get())
}

function onCurrentPage(editor: Editor, shapes: TLShape[]): TLShape[] {
	const page = editor.getCurrentPageId()
	return shapes.filter((shape) => editor.getAncestorPageId(shape) === page)
}
