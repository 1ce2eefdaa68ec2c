/** Height of a card's meta row (`.dm-meta-row`: owner, due date...). */
export const META_HEIGHT = 18
/** Space between the rows of a card's body (`.dm-shape-body`'s `gap`). */
export const BODY_GAP = 6

/**
 * Where the rows of a card's body go in its SVG, as `.dm-shape-body` in styles.css lays them out
 * between the card's inner edges: padding 8px 12px 10px, the meta row last, at the bottom.
 */
export function shapeBody(edges: { left: number; right: number; top: number; bottom: number }) {
	const left = edges.left + 12
	const right = edges.right - 12
	return {
		left,
		right,
		width: Math.max(1, right - left),
		top: edges.top + 8,
		metaTop: edges.bottom - 10 - META_HEIGHT,
	}
}
