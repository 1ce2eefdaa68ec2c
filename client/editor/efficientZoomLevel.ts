import { atom, react, unsafe__withoutCapture, type Atom, type Editor } from 'tldraw'

const aboveByEditor = new WeakMap<Editor, Atom<boolean>>()

/**
 * tldraw's "efficient zoom" (the debounced zoom on a page with more shapes than
 * `options.debouncedZoomThreshold`, else the zoom), with the shape count behind a wall.
 *
 * tldraw derives it from the page's shape count, and so from every change to the store: each
 * arrow's label and each frame's heading read it, so every edit anywhere woke all of them to find
 * the answer unchanged. Here one effect per editor follows the count and sets an atom only when
 * the page crosses the threshold; readers depend on that atom and the zoom. The atom follows
 * after each change is committed, not within it: it only chooses how finely to draw.
 */
export function efficientZoomLevel(editor: Editor): number {
	const above = aboveByEditor.get(editor) ?? follow(editor)
	return above.get() ? editor.getDebouncedZoomLevel() : editor.getZoomLevel()
}

function follow(editor: Editor): Atom<boolean> {
	const isAbove = () => editor.getCurrentPageShapeIds().size > editor.options.debouncedZoomThreshold
	const above = atom('above the debounced zoom threshold', unsafe__withoutCapture(isAbove))
	aboveByEditor.set(editor, above)
	editor.disposables.add(react('follow the debounced zoom threshold', () => above.set(isAbove())))
	return above
}
