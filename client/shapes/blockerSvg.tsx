import type { ReactElement } from 'react'
import type { Editor, SvgExportContext } from 'tldraw'
import { blockerBandLabel } from './BlockerShapeUtil'
import { cardColours } from './cardColours'
import { roundedPath } from './roundedPath'
import type { BlockerShape } from './shapeTypes'
import { stripePattern } from './stripePattern'
import { PILL_HEIGHT, svgPill } from './svgPill'
import { rowItem } from './svgRow'
import { svgText } from './svgText'
import { svgTitle } from './svgTitle'
import { BODY_GAP, META_HEIGHT, blockerTitleRoom, shapeBody } from './shapeBody'

/** Border and background by severity (styles.css, `.dm-blocker[data-severity]`). */
const severityStyles = {
	low: { border: '#fbbf24', background: 'blockerLowBg', width: 3 },
	medium: { border: '#f97316', background: 'blockerMediumBg', width: 3 },
	high: { border: '#b91c1c', background: 'blockerHighBg', width: 4 },
} as const

const BAND_HEIGHT = Math.max(PILL_HEIGHT, 20) + 6

/**
 * A blocker as SVG, drawn as styles.css draws it on the canvas (warning colours by severity, a
 * hazard-striped band, what could delay us, its kind and who unblocks it; faded and dashed once
 * resolved), for PNG and SVG export.
 */
export function blockerSvg(
	editor: Editor,
	shape: BlockerShape,
	ctx: SvgExportContext
): ReactElement {
	const { title, owner, severity, status, w, h } = shape.props
	const look = severityStyles[severity]
	const colours = cardColours[ctx.colorMode]
	const border = look.width
	const resolved = status === 'resolved'
	const inner = w - 2 * border
	const bandMiddle = border + BAND_HEIGHT / 2
	const stripes =
		severity === 'high'
			? stripePattern(ctx, 'hazard-high', ['#fecaca', '#fca5a5'], 10, -45)
			: stripePattern(ctx, 'hazard', ['#fde68a', '#fcd34d'], 10, -45)
	const icon = svgText(editor, resolved ? '✓' : '⚠', border + 10, bandMiddle - 10, 20, {
		fontSize: 16,
		color: '#111827',
	})
	const kindLeft = border + 10 + icon.width + 6
	const kindText = svgText(
		editor,
		blockerBandLabel(shape.props).toUpperCase(),
		kindLeft,
		bandMiddle - 7.5,
		Math.max(1, w - border - 10 - kindLeft),
		{
			fontSize: 12,
			fontWeight: 700,
			color: severity === 'high' ? '#7f1d1d' : '#7c2d12',
			letterSpacing: '0.06em',
		}
	)
	const {
		left,
		width,
		top: titleTop,
		metaTop,
	} = shapeBody({
		left: border,
		right: w - border,
		top: border + BAND_HEIGHT,
		bottom: h - border,
	})
	const ownerItem = rowItem(owner, 'Nobody to unblock', colours)
	// Once resolved, a pill at the bottom row's right end says so; the name gives way to it.
	const pill = resolved
		? svgPill(
				editor,
				'Resolved',
				'resolved',
				left + width,
				metaTop + META_HEIGHT / 2,
				width / 2,
				colours
			)
		: null
	const titleText = svgTitle(
		editor,
		{
			text: title,
			placeholder: 'Double-click: what could delay us?',
			placeholderColour: colours.placeholder,
		},
		{ left, top: titleTop, bottom: metaTop - BODY_GAP },
		{ fontWeight: 700, color: colours.text, decoration: resolved ? 'line-through' : undefined },
		blockerTitleRoom(w, h, severity)
	)
	// The card's outline, drawn twice: its fill under the striped band, its border over it.
	const card = {
		x: border / 2,
		y: border / 2,
		width: w - border,
		height: h - border,
		rx: 10 - border / 2,
	}
	return (
		<g opacity={resolved ? 0.6 : 1}>
			<rect {...card} fill={colours[look.background]} />
			<path d={roundedPath(border, border, inner, BAND_HEIGHT, 10 - border, 0)} fill={stripes} />
			<line
				x1={border}
				x2={w - border}
				y1={border + BAND_HEIGHT - 1}
				y2={border + BAND_HEIGHT - 1}
				stroke="rgba(0, 0, 0, 0.15)"
				strokeWidth={2}
			/>
			<rect
				{...card}
				fill="none"
				stroke={look.border}
				strokeWidth={border}
				strokeDasharray={resolved ? `${border * 3} ${border * 2}` : undefined}
			/>
			{icon.element}
			{kindText.element}
			{titleText}
			{
				svgText(
					editor,
					ownerItem.text,
					left,
					metaTop,
					pill ? Math.max(1, width - pill.width - 8) : width,
					ownerItem.style
				).element
			}
			{pill?.element}
		</g>
	)
}
