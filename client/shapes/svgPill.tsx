import type { ReactElement } from 'react'
import type { Editor } from 'tldraw'
import type { CardColours } from './cardColours'
import { svgText } from './svgText'

/** The status pills of styles.css (`.dm-pill`): background and text colour by status. */
function pillColours(status: string, colours: CardColours): [string, string] {
	switch (status) {
		case 'in-progress':
		case 'agreed':
			return [colours.pillActiveBg, colours.pillActiveText]
		case 'done':
		case 'delivered':
		case 'resolved':
			return [colours.pillDoneBg, colours.pillDoneText]
		default:
			return [colours.pillNeutralBg, colours.pillNeutralText]
	}
}
const PILL_PADDING_X = 8
export const PILL_HEIGHT = 17

/**
 * A status pill whose right edge is at `right` and whose middle is at `middle`, as SVG; `width`
 * says how much room it took. `background` overrides the status colour (the enabler's band).
 */
export function svgPill(
	editor: Editor,
	label: string,
	status: string,
	right: number,
	middle: number,
	maxWidth: number,
	colours: CardColours,
	background?: string
): { element: ReactElement; width: number } {
	const [fill, colour] = pillColours(status, colours)
	const text = svgText(
		editor,
		label,
		right - PILL_PADDING_X,
		middle - PILL_HEIGHT / 2 + 1,
		Math.max(1, maxWidth - 2 * PILL_PADDING_X),
		{ fontSize: 12, fontWeight: 600, color: colour, lineHeight: 1.25 },
		{ align: 'end' }
	)
	const width = text.width + 2 * PILL_PADDING_X
	return {
		width,
		element: (
			<g>
				<rect
					x={right - width}
					y={middle - PILL_HEIGHT / 2}
					width={width}
					height={PILL_HEIGHT}
					rx={PILL_HEIGHT / 2}
					fill={background ?? fill}
				/>
				{text.element}
			</g>
		),
	}
}
