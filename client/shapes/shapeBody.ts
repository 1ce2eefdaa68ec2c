import type { TitleRoom } from './fitTitle'

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

/** A milestone title's line (`.dm-title`: 18 px at line height 1.25). */
export const TITLE_LINE_HEIGHT = 22.5

/**
 * A milestone card's height less its title (styles.css, `.dm-milestone`): borders 2 + 2, padding
 * 8 + 10, the kind row, the due-and-trail row and the owner row (16 each), and the gaps of 6
 * between the four rows and the title.
 */
const MILESTONE_FRAME = 2 + 8 + 16 + 6 + 6 + 16 + 6 + 16 + 10 + 2

/**
 * How many whole lines of its title a milestone card `h` high shows: the title is cut at a line,
 * with an ellipsis, never through the middle of one. 3 at the default height.
 */
export function milestoneTitleLines(h: number): number {
	return Math.max(1, Math.floor((h - MILESTONE_FRAME + 0.5) / TITLE_LINE_HEIGHT))
}

/** An enabler's or a blocker's title line (`.dm-title` there: 16 px at line height 1.25). */
export const SMALL_TITLE_LINE_HEIGHT = 20

/**
 * An enabler card's height less its title (styles.css, `.dm-enabler`): borders 2 + 2, the service
 * band (25), padding 8 + 10, the how-and-when row (18) and the gap of 6 above it.
 */
const ENABLER_FRAME = 2 + 25 + 8 + 6 + 18 + 10 + 2
/** The contact's row under the how-and-when row, and the gap above it. */
const CONTACT_ROW = 6 + 18

/**
 * What an enabler card `h` high shows: the contact's row when the title still has two lines
 * above it (cards of 135 and more: 140 by default; older cards of 120 keep two title lines and no
 * contact), and as many whole lines of the title as are left.
 */
export function enablerLayout(h: number): {
	titleLines: number
	contact: boolean
	/** The height the other rows leave the title. */
	titleRoom: number
} {
	const contact = h - ENABLER_FRAME - CONTACT_ROW >= 2 * SMALL_TITLE_LINE_HEIGHT
	const titleRoom = h - ENABLER_FRAME - (contact ? CONTACT_ROW : 0)
	return {
		titleLines: Math.max(1, Math.floor((titleRoom + 0.5) / SMALL_TITLE_LINE_HEIGHT)),
		contact,
		titleRoom,
	}
}

/**
 * Where a card's title is written (fitTitle): the width between the body's padding, inside the
 * border (and a milestone's RAG band, 14), the lines the card gives it at its full size, and the
 * height the card's other rows leave it.
 */
export function milestoneTitleRoom(w: number, h: number): TitleRoom {
	const lines = milestoneTitleLines(h)
	return {
		width: w - 2 - 14 - 24 - 2,
		lines,
		height: Math.max(lines * TITLE_LINE_HEIGHT, h - MILESTONE_FRAME),
		fontSize: 18,
		minFontSize: 14,
	}
}

export function enablerTitleRoom(w: number, h: number): TitleRoom {
	const { titleLines: lines, titleRoom } = enablerLayout(h)
	return {
		width: w - 4 - 24,
		lines,
		height: Math.max(lines * SMALL_TITLE_LINE_HEIGHT, titleRoom),
		fontSize: 16,
		minFontSize: 13,
	}
}

/**
 * A blocker's border is 3 wide, 4 when its severity is high (styles.css). Its title has the card's
 * height less the borders, the band (26), the body's padding (8 and 10), the bottom row (18) and
 * the gap above it (6): 46 at the default 120 (44 when high), two lines at full size.
 */
export function blockerTitleRoom(w: number, h: number, severity: string): TitleRoom {
	const border = severity === 'high' ? 4 : 3
	return {
		width: w - 2 * border - 24,
		lines: 2,
		height: h - 2 * border - 26 - 8 - 10 - 18 - 6,
		fontSize: 16,
		minFontSize: 13,
	}
}
