import type { Editor, TLRenderingShape, TLShape } from 'tldraw'

interface Drawn {
	/** What tldraw's own `getRenderingShapes` last gave. */
	source: TLRenderingShape[]
	/** What the canvas was given for it. */
	result: TLRenderingShape[]
}

const drawnByEditor = new WeakMap<Editor, Drawn>()

/**
 * tldraw's rendering shapes (`source`), as the same array as last time when the only change is
 * where shapes are. The canvas redraws its list of every shape on the page whenever this list
 * changes, comparing each shape's props, and in tldraw 5.4.2 the list is new after any change to
 * any shape: on a 5,000-shape map, a peer moving 50 cards made the canvas walk 5,000 shapes on
 * every step. A move does not need it: each shape places itself on the page (tldraw's
 * "set shape stuff" effect reads the shape from the store), and its content only redraws when its
 * props change. So an entry is kept when its shape differs only in `x` and `y`; any other change
 * (a shape added, removed, reordered, restyled, locked, put in another frame) gives the new list.
 *
 * The kept entries' `shape` is the record as last drawn, not the current one: read shapes from
 * the store (`editor.getShape`), as tldraw's canvas does.
 */
export function stableRenderingShapes(
	editor: Editor,
	source: TLRenderingShape[]
): TLRenderingShape[] {
	const drawn = drawnByEditor.get(editor)
	if (drawn?.source === source) return drawn.result
	const result = drawn && onlyMoved(drawn.result, source) ? drawn.result : source
	drawnByEditor.set(editor, { source, result })
	return result
}

function onlyMoved(before: TLRenderingShape[], after: TLRenderingShape[]): boolean {
	if (before.length !== after.length) return false
	for (let i = 0; i < after.length; i++) {
		const a = before[i]!
		const b = after[i]!
		if (
			a.id !== b.id ||
			a.util !== b.util ||
			a.index !== b.index ||
			a.backgroundIndex !== b.backgroundIndex ||
			a.opacity !== b.opacity
		) {
			return false
		}
		if (a.shape !== b.shape && !sameButPlace(a.shape, b.shape)) return false
	}
	return true
}

/** True when two versions of a shape differ in `x` and `y` at most. */
function sameButPlace(a: TLShape, b: TLShape): boolean {
	const keys = Object.keys(b) as (keyof TLShape)[]
	if (Object.keys(a).length !== keys.length) return false
	for (const key of keys) {
		if (key !== 'x' && key !== 'y' && a[key] !== b[key]) return false
	}
	return true
}
