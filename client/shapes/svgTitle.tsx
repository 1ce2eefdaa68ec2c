import type { ReactElement } from 'react'
import type { Editor } from 'tldraw'
import { svgText, type SvgTextStyle } from './svgText'

/** The placeholder a shape shows on the canvas while its title is empty (`.dm-title[data-empty]`). */
const placeholderStyle: SvgTextStyle = {
	fontSize: 15,
	fontWeight: 500,
	fontStyle: 'italic',
	color: '#9ca3af',
}

/**
 * A shape's title (`.dm-title`) between `top` and `bottom`: as many lines as fit there, at most
 * `maxLines`, or its placeholder while it is empty; null when not one line fits.
 */
export function svgTitle(
	editor: Editor,
	{ text, placeholder }: { text: string; placeholder: string },
	box: { left: number; top: number; bottom: number; width: number },
	style: SvgTextStyle,
	maxLines: number
): ReactElement | null {
	const linePx = Math.round(style.fontSize * (style.lineHeight ?? 1.25))
	const lines = Math.min(maxLines, Math.floor((box.bottom - box.top) / linePx))
	if (lines < 1) return null
	const empty = text === ''
	return svgText(
		editor,
		empty ? placeholder : text,
		box.left,
		box.top,
		box.width,
		empty ? placeholderStyle : style,
		{ maxLines: lines }
	).element
}
