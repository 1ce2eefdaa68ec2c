import type { ReactElement } from 'react'
import type { Editor, SvgExportContext } from 'tldraw'
import { cardColours } from './cardColours'
import { enablerStatusLabels, serviceLabels } from './EnablerShapeUtil'
import { formatDate } from './formatDate'
import { roundedPath } from './roundedPath'
import type { EnablerShape } from './shapeTypes'
import { PILL_HEIGHT, svgPill } from './svgPill'
import { rowItem, svgRow } from './svgRow'
import { svgText } from './svgText'
import { svgTitle } from './svgTitle'
import { BODY_GAP, META_HEIGHT, enablerLayout, enablerTitleRoom, shapeBody } from './shapeBody'

/** Each service's colour (styles.css, `.dm-enabler[data-service]`). */
export const serviceColours: Record<EnablerShape['props']['service'], string> = {
	legal: '#7c3aed',
	finance: '#047857',
	procurement: '#0e7490',
	digital: '#1d4ed8',
	hr: '#be185d',
	comms: '#c2410c',
	data: '#4338ca',
	estates: '#854d0e',
	other: '#6b7280',
}

const BORDER = 2
const BAND_PAD_Y = 4
const BAND_HEIGHT = PILL_HEIGHT + 2 * BAND_PAD_Y

/**
 * An enabler as SVG, drawn as styles.css draws it on the canvas (a band in the service's colour
 * with the service and status, what is needed, how and by when, and the contact when the card
 * has room), for PNG and SVG export.
 */
export function enablerSvg(
	editor: Editor,
	shape: EnablerShape,
	ctx: SvgExportContext
): ReactElement {
	const { service, contribution, how, neededBy, owner, status, w, h } = shape.props
	const colour = serviceColours[service]
	const colours = cardColours[ctx.colorMode]
	const inner = w - 2 * BORDER
	const bandMiddle = BORDER + BAND_HEIGHT / 2
	const pill = svgPill(
		editor,
		enablerStatusLabels[status],
		status,
		w - BORDER - 8,
		bandMiddle,
		(inner - 16) / 2,
		colours,
		colours.bandPillBg
	)
	const serviceText = svgText(
		editor,
		serviceLabels[service],
		BORDER + 8,
		bandMiddle - 8,
		Math.max(1, inner - 16 - pill.width - 8),
		{ fontSize: 13, fontWeight: 700, color: '#ffffff', letterSpacing: '0.01em' }
	)
	const {
		left,
		width,
		top: titleTop,
		metaTop,
	} = shapeBody({
		left: BORDER,
		right: w - BORDER,
		top: BORDER + BAND_HEIGHT,
		bottom: h - BORDER,
	})
	const { contact } = enablerLayout(h)
	// The how-and-when row is the last row, or the one above the contact's.
	const howTop = contact ? metaTop - BODY_GAP - META_HEIGHT : metaTop
	const title = svgTitle(
		editor,
		{
			text: contribution,
			placeholder: 'Double-click: what do we need?',
			placeholderColour: colours.placeholder,
		},
		{ left, top: titleTop },
		{ fontWeight: 700, color: colours.text },
		enablerTitleRoom(w, h)
	)
	// Rounded 6 at the top and 10 at the bottom, as the card's border-radius.
	const outline = roundedPath(BORDER / 2, BORDER / 2, w - BORDER, h - BORDER, 6 - 1, 10 - 1)
	const band = roundedPath(BORDER, BORDER, inner, BAND_HEIGHT, 6 - BORDER, 0)
	return (
		<g>
			<path d={outline} fill={colours.surface} stroke={colour} strokeWidth={BORDER} />
			<path d={band} fill={colour} />
			{serviceText.element}
			{pill.element}
			{title}
			{svgRow(
				editor,
				rowItem(how, 'How?', colours, colours.muted, 13),
				{
					text: neededBy === '' ? 'When?' : `By ${formatDate(neededBy)}`,
					style: { fontSize: 13, color: colours.meta },
					fixed: true,
				},
				left,
				howTop,
				width
			)}
			{contact
				? svgText(
						editor,
						owner === '' ? 'No contact yet' : owner,
						left,
						metaTop,
						width,
						owner === ''
							? { fontSize: 14, fontStyle: 'italic', color: colours.unset }
							: { fontSize: 14, color: colours.meta }
					).element
				: null}
		</g>
	)
}
