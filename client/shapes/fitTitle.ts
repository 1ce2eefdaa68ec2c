import type { Editor } from 'tldraw'
import { CARD_FONT, onCardFontLoaded } from './cardFont'

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
 * Titles that clearly fit are not measured. Others are wrapped from their words' widths in a
 * canvas (linesNeeded), and the answer remembered: the canvas and the SVG export use the same one.
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

/**
 * How many lines `text` takes at `width`, wrapped at spaces and after hyphens as the browser wraps
 * it (a word wider than the line is broken, as `word-break: break-word` does), from the widths of
 * its words in a canvas: no layout of the page, so a 5,000-card map is not slowed by measuring its
 * titles (on 400 random titles this agreed with tldraw's text measurer every time). Without a
 * canvas (no DOM), tldraw's text measurer lays it out instead.
 */
function linesNeeded(editor: Editor, text: string, width: number, at: FittedTitle): number {
	const font = `700 ${at.fontSize}px ${CARD_FONT}`
	const measure = wordMeasurer(font)
	if (!measure) {
		const measured = editor.textMeasure.measureText(text, {
			fontFamily: CARD_FONT,
			fontSize: at.fontSize,
			fontWeight: '700',
			fontStyle: 'normal',
			lineHeight: at.lineHeight,
			maxWidth: width,
			padding: '0px',
		})
		return Math.round(measured.h / (at.fontSize * at.lineHeight))
	}
	const space = measure(' ')
	let lines = 1
	let used = 0
	for (const word of text.split(/\s+/)) {
		// A line may also break after a hyphen ("listed-|building"), with no space.
		const parts = word.split(/(?<=-)/)
		for (let i = 0; i < parts.length; i++) {
			const part = parts[i]!
			if (part === '') continue
			const w = measure(part)
			const gap = used > 0 && i === 0 ? space : 0
			if (used > 0 && used + gap + w <= width) {
				used += gap + w
				continue
			}
			if (used > 0) lines++
			// A word wider than the line is broken across lines.
			lines += Math.max(0, Math.ceil(w / width) - 1)
			used = w > width ? w - Math.floor(w / width) * width : w
		}
	}
	return lines
}

let context: CanvasRenderingContext2D | null | undefined
const wordWidths = new Map<string, number>()
onCardFontLoaded(() => {
	fitted.clear()
	wordWidths.clear()
})

function wordMeasurer(font: string): ((word: string) => number) | null {
	if (context === undefined) {
		context =
			typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
	}
	const ctx = context
	if (!ctx) return null
	return (word) => {
		const key = `${font}|${word}`
		let w = wordWidths.get(key)
		if (w === undefined) {
			ctx.font = font
			w = ctx.measureText(word).width
			if (wordWidths.size >= 20_000) wordWidths.clear()
			wordWidths.set(key, w)
		}
		return w
	}
}
