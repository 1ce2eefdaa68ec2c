import type { ReactElement } from 'react'
import type { Editor } from 'tldraw'
import type { CardColours } from './cardColours'
import { svgText, type SvgTextStyle } from './svgText'

export interface RowItem {
	text: string
	style: SvgTextStyle
	/** Keeps its full width (CSS `flex: none`); the other item gives way. */
	fixed?: boolean
}

const GAP = 8

/** A meta-row item: `value`, or `whenEmpty` in red italics (`[data-empty]`) when it is empty. */
export function rowItem(
	value: string,
	whenEmpty: string,
	colours: CardColours,
	colour = colours.meta,
	fontSize = 14
): RowItem {
	return value === ''
		? { text: whenEmpty, style: { fontSize, fontStyle: 'italic', color: colours.danger } }
		: { text: value, style: { fontSize, color: colour } }
}

/**
 * A one-line row with an item at each end, as `.dm-meta-row` lays it out: when both do not fit,
 * each gives way in proportion to its width (the flex rule), and a cut item ends in an ellipsis.
 */
export function svgRow(
	editor: Editor,
	left: RowItem,
	right: RowItem,
	x: number,
	y: number,
	width: number
): ReactElement {
	const natural = (item: RowItem) => svgText(editor, item.text, 0, 0, width, item.style).width
	let leftWidth = natural(left)
	let rightWidth = natural(right)
	const over = leftWidth + rightWidth + GAP - width
	// When both fit, each is drawn from its measurement at the row's width (measured once).
	let leftRoom = width
	let rightRoom = width
	if (over > 0) {
		if (left.fixed) rightWidth = Math.max(0, width - GAP - leftWidth)
		else if (right.fixed) leftWidth = Math.max(0, width - GAP - rightWidth)
		else {
			const total = leftWidth + rightWidth
			leftWidth -= (over * leftWidth) / total
			rightWidth -= (over * rightWidth) / total
		}
		leftRoom = leftWidth + 0.5
		rightRoom = rightWidth + 0.5
	}
	return (
		<g>
			{leftWidth >= 1 ? svgText(editor, left.text, x, y, leftRoom, left.style).element : null}
			{rightWidth >= 1
				? svgText(editor, right.text, x + width, y, rightRoom, right.style, { align: 'end' })
						.element
				: null}
		</g>
	)
}
