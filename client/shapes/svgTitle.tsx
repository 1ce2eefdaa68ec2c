import type { ReactElement } from 'react'
import type { Editor } from 'tldraw'
import { fitTitle, type TitleRoom } from './fitTitle'
import { svgText, type SvgTextStyle } from './svgText'

/** The placeholder a shape shows on the canvas while its title is empty (`.dm-title[data-empty]`). */
const placeholderStyle = {
	fontSize: 15,
	fontWeight: 500,
	fontStyle: 'italic',
} as const satisfies Omit<SvgTextStyle, 'color'>

/**
 * A shape's title (`.dm-title`) from `top`, in its card's `room`: at the size and in the lines
 * the canvas writes it (fitTitle), or its placeholder (in `placeholderColour`) while it is empty.
 * With `bottom`, no more lines than fit above it; null when not one does.
 */
export function svgTitle(
	editor: Editor,
	{
		text,
		placeholder,
		placeholderColour,
	}: { text: string; placeholder: string; placeholderColour: string },
	box: { left: number; top: number; bottom?: number },
	style: Omit<SvgTextStyle, 'fontSize' | 'lineHeight'>,
	room: TitleRoom
): ReactElement | null {
	const fitted = fitTitle(editor, text, room)
	const linePx = Math.round(fitted.fontSize * fitted.lineHeight)
	const lines =
		box.bottom === undefined
			? fitted.lines
			: Math.min(fitted.lines, Math.floor((box.bottom - box.top) / linePx))
	if (lines < 1) return null
	const empty = text === ''
	return svgText(
		editor,
		empty ? placeholder : text,
		box.left,
		box.top,
		room.width,
		empty
			? { ...placeholderStyle, color: placeholderColour }
			: { ...style, fontSize: fitted.fontSize, lineHeight: fitted.lineHeight },
		{ maxLines: lines }
	).element
}
