import type { ReactElement } from 'react'
import type { BoxModel, Editor, TLMeasureTextSpanOpts } from 'tldraw'
import { CARD_FONT, onCardFontLoaded } from './cardFont'
import { lineExtent } from './lineExtent'

export interface SvgTextStyle {
	fontSize: number
	fontWeight?: number
	fontStyle?: 'normal' | 'italic'
	color: string
	/** A multiple of the font size (CSS `line-height`). */
	lineHeight?: number
	/** CSS `letter-spacing`, such as `0.06em`. */
	letterSpacing?: string
	decoration?: 'line-through'
}

export interface SvgTextBlock {
	/** Null when there is no text. */
	element: ReactElement | null
	/** Width of the widest line, and height of the lines drawn. */
	width: number
	height: number
}

/**
 * `text` laid out by the browser as it lays it out on the canvas (tldraw's text measurer, which
 * renders it in a hidden element and reads where each word lands), then drawn as SVG text: wrapped
 * at `width`, at most `maxLines` lines, the last cut with an ellipsis when there is more. `x` is
 * where each line starts (`start`) or ends (`end`), `y` the top of the first line.
 */
export function svgText(
	editor: Editor,
	text: string,
	x: number,
	y: number,
	width: number,
	style: SvgTextStyle,
	{ maxLines = 1, align = 'start' }: { maxLines?: number; align?: 'start' | 'end' } = {}
): SvgTextBlock {
	const lineHeight = style.lineHeight ?? 1.25
	const linePx = Math.round(style.fontSize * lineHeight)
	const opts = (overflow: TLMeasureTextSpanOpts['overflow']): TLMeasureTextSpanOpts => ({
		overflow,
		width: Math.max(1, width),
		height: linePx * maxLines,
		padding: 0,
		fontSize: style.fontSize,
		fontWeight: String(style.fontWeight ?? 400),
		fontFamily: CARD_FONT,
		fontStyle: style.fontStyle ?? 'normal',
		lineHeight,
		textAlign: 'start',
		otherStyles: style.letterSpacing ? { 'letter-spacing': style.letterSpacing } : undefined,
	})
	const key = `${width}|${maxLines}|${style.fontSize}|${style.fontWeight}|${style.fontStyle}|${style.letterSpacing}|${text}`
	let lines = measured.get(key)
	if (!lines) {
		lines = layOut(editor, text, maxLines, opts)
		if (measured.size >= MAX_MEASURED) measured.clear()
		measured.set(key, lines)
	}
	if (lines.length === 0) return { element: null, width: 0, height: 0 }

	const extents = lines.map(extentOf)
	let textWidth = 0
	for (const { right } of extents) textWidth = Math.max(textWidth, right)
	textWidth = Math.min(textWidth, width)
	const lineX = (i: number) => {
		const { left, right } = extents[i]!
		return align === 'start' ? x + left : x - Math.min(right - left, width)
	}
	const element = (
		<text
			fontFamily={CARD_FONT}
			fontSize={style.fontSize}
			fontWeight={style.fontWeight ?? 400}
			fontStyle={style.fontStyle ?? 'normal'}
			fill={style.color}
			letterSpacing={style.letterSpacing}
			textDecoration={style.decoration}
		>
			{lines.map((line, i) => (
				<tspan key={i} x={lineX(i)} y={y + i * linePx + linePx / 2} dominantBaseline="central">
					{/* Spaces where lines break are kept, so the text reads whole when copied. */}
					{line.map((span) => span.text).join('')}
				</tspan>
			))}
		</text>
	)
	return { element, width: textWidth, height: lines.length * linePx }
}

type Line = { text: string; box: BoxModel }[]

function extentOf(line: Line): { left: number; right: number } {
	return lineExtent(
		line.map(({ text, box }) => ({ left: box.x, right: box.x + box.w, blank: text.trim() === '' }))
	)
}

/**
 * Lines measured before, by text, width and style: a map repeats the same labels ("MILESTONE",
 * "Not started", "No owner", dates) on every shape, and each measurement is a layout of the page.
 */
const measured = new Map<string, Line[]>()
const MAX_MEASURED = 5000
onCardFontLoaded(() => measured.clear())

function layOut(
	editor: Editor,
	text: string,
	maxLines: number,
	opts: (overflow: TLMeasureTextSpanOpts['overflow']) => TLMeasureTextSpanOpts
): Line[] {
	const measure = editor.textMeasure
	if (maxLines === 1) return [measure.measureTextSpans(text, opts('truncate-ellipsis'))]
	let lines = linesOf(measure.measureTextSpans(text, opts('wrap')))
	if (lines.length > maxLines) {
		// The last line that fits takes the rest of the text, cut with an ellipsis.
		const rest = lines
			.slice(maxLines - 1)
			.flat()
			.map((span) => span.text)
			.join('')
		const last = measure.measureTextSpans(rest, opts('truncate-ellipsis'))
		lines = [...lines.slice(0, maxLines - 1), last]
	}
	return lines.filter((line) => line.length > 0)
}

/** Measured spans grouped into lines (a span starts a new line when it sits lower). */
function linesOf(spans: Line): Line[] {
	const lines: Line[] = []
	let top = -Infinity
	for (const span of spans) {
		if (span.box.y > top + 0.5 || lines.length === 0) {
			lines.push([])
			top = span.box.y
		}
		lines[lines.length - 1]!.push(span)
	}
	return lines
}
