import type { Editor } from 'tldraw'
import { SHAPE_FONT } from './svgText'

/** Titles' line height, as a multiple of their font size (`.dm-title`). */
const LINE_HEIGHT = 1.25
/** The line height of a title made smaller to fit: a tight heading's, so that one more line fits. */
export const FITTED_LINE_HEIGHT = 1.1
const MAX_FITTED = 2000

export interface TitleRoom {
	/** Width of the title's box. */
	width: number
	/** Lines the card gives its title at `fontSize`. */
	lines: number
	/** The title's room: at least `lines` lines of `fontSize` at line height 1.25. */
	height: number
	fontSize: number
	/** The smallest size the title may take to fit whole. */
	minFontSize: number
}

export interface FittedTitle {
	fontSize: number
	/** Whole lines of the fitted size that the title's room holds. */
	lines: number
	/** As a multiple of the font size. */
	lineHeight: number
}

const fitted = new Map<string, FittedTitle>()

/**
 * The size a card's title is written at: its card's own size when the title fits the lines the
 * card gives it, else the largest size down to `minFontSize` at which it fits whole in the same
 * room (as tldraw's sticky notes shrink a long text), else the smallest, cut with an ellipsis.
 * A workshop's titles are often longer than the two lines of a small card ("Listed-building
 * consent for conservation-area homes" was cut to "Listed-building consent for…").
 *
 * Titles that clearly fit are not measured. Others are laid out by tldraw's text measurer, as
 * svgText lays out the SVG export's text, and remembered; the canvas and the export agree.
 */
export function fitTitle(editor: Editor, text: string, room: TitleRoom): FittedTitle {
	const base = { fontSize: room.fontSize, lines: room.lines, lineHeight: LINE_HEIGHT }
	if (text === '' || room.fontSize <= room.minFontSize || room.width <= 0) return base
	if (clearlyFits(text, room)) return base
	const key = `${room.width}|${room.lines}|${room.height}|${room.fontSize}|${room.minFontSize}|${text}`
	let result = fitted.get(key)
	if (!result) {
		result = measureFit(editor, text, room)
		if (fitted.size >= MAX_FITTED) fitted.clear()
		fitted.set(key, result)
	}
	return result
}

/**
 * True when `text` surely fits its room at full size: counted at 0.62 em a character (wider than
 * bold text's average) with eight characters of each line given up to wrapping.
 */
function clearlyFits(text: string, room: TitleRoom): boolean {
	const perLine = room.width / (room.fontSize * 0.62)
	return text.length <= room.lines * Math.max(0, perLine - 8)
}

function measureFit(editor: Editor, text: string, room: TitleRoom): FittedTitle {
	const fit = (size: number): FittedTitle => {
		const lineHeight = size === room.fontSize ? LINE_HEIGHT : FITTED_LINE_HEIGHT
		const lines =
			size === room.fontSize
				? room.lines
				: Math.max(1, Math.floor(room.height / (size * lineHeight) + 0.01))
		return { fontSize: size, lines, lineHeight }
	}
	for (let size = room.fontSize; size > room.minFontSize; size--) {
		const candidate = fit(size)
		if (linesNeeded(editor, text, room.width, candidate) <= candidate.lines) return candidate
	}
	return fit(room.minFontSize)
}

function linesNeeded(editor: Editor, text: string, width: number, at: FittedTitle): number {
	const measured = editor.textMeasure.measureText(text, {
		fontFamily: SHAPE_FONT,
		fontSize: at.fontSize,
		fontWeight: '700',
		fontStyle: 'normal',
		lineHeight: at.lineHeight,
		maxWidth: width,
		padding: '0px',
	})
	return Math.round(measured.h / (at.fontSize * at.lineHeight))
}
