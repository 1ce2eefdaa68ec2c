import type { ReactElement } from 'react'
import type { Editor, SvgExportContext } from 'tldraw'
import { localToday } from '../../shared/schema/dateString'
import { cardColours, type CardColours } from './cardColours'
import { formatDate } from './formatDate'
import { CARD_TRAIL_LENGTH, milestoneStatusLabels } from './MilestoneShapeUtil'
import type { MilestoneShape } from './shapeTypes'
import { stripePattern } from './stripePattern'
import { PILL_HEIGHT, svgPill } from './svgPill'
import { rowItem } from './svgRow'
import { svgText } from './svgText'
import { svgTitle } from './svgTitle'
import { BODY_GAP, milestoneTitleRoom, shapeBody } from './shapeBody'

export const ragColours = { green: '#16a34a', amber: '#f59e0b', red: '#dc2626' } as const

const BORDER = 2
const BAND = 14
const TRAIL_HEIGHT = 16

/**
 * A milestone as SVG, drawn as styles.css draws it on the canvas (RAG band, kind and status,
 * title, RAG trail, owner and due date), for PNG and SVG export: far quicker for tldraw to export
 * than the HTML of the shape, which it would copy into a `<foreignObject>` with every style.
 */
export function milestoneSvg(
	editor: Editor,
	shape: MilestoneShape,
	ctx: SvgExportContext
): ReactElement {
	const { title, owner, due, status, rag, checkins, w, h } = shape.props
	const ragColour = rag === 'none' ? null : ragColours[rag]
	const colours = cardColours[ctx.colorMode]
	const { left, right, width, top, metaTop } = shapeBody({
		left: BORDER + BAND,
		right: w - BORDER,
		top: BORDER,
		bottom: h - BORDER,
	})
	const kindMiddle = top + PILL_HEIGHT / 2
	const pill = svgPill(
		editor,
		milestoneStatusLabels[status],
		status,
		right,
		kindMiddle,
		width / 2,
		colours
	)
	const kind = svgText(
		editor,
		'MILESTONE',
		left,
		kindMiddle - 7.5,
		Math.max(1, width - pill.width - 8),
		{ fontSize: 12, fontWeight: 700, color: colours.muted, letterSpacing: '0.06em' }
	)
	// The due date and the trail's dots in one row, the owner in the row under it (the meta row).
	const whenTop = metaTop - BODY_GAP - TRAIL_HEIGHT
	const titleTop = top + PILL_HEIGHT + BODY_GAP
	// The size and lines the canvas shows, whatever this drawing's rounding of line heights.
	const titleText = svgTitle(
		editor,
		{
			text: title,
			placeholder: 'Double-click to name this milestone',
			placeholderColour: colours.placeholder,
		},
		{ left, top: titleTop },
		{ fontWeight: 700, color: status === 'done' ? colours.muted : colours.text },
		milestoneTitleRoom(w, h)
	)
	const overdue = due !== '' && status !== 'done' && due < localToday()
	const dueText = svgText(
		editor,
		due === '' ? 'No due date' : `Due ${formatDate(due)}`,
		left,
		whenTop + TRAIL_HEIGHT / 2 - 9,
		width,
		overdue
			? { fontSize: 14, fontWeight: 700, color: colours.danger }
			: { fontSize: 14, color: colours.meta }
	)
	const ownerItem = rowItem(owner, 'No owner', colours)
	// The band's left corners follow the card's inner rounding (radius 10 less the border).
	const r = 10 - BORDER
	const band = `M ${BORDER + BAND} ${BORDER} H ${BORDER + r} A ${r} ${r} 0 0 0 ${BORDER} ${BORDER + r} V ${h - BORDER - r} A ${r} ${r} 0 0 0 ${BORDER + r} ${h - BORDER} H ${BORDER + BAND} Z`
	return (
		<g>
			<rect
				x={BORDER / 2}
				y={BORDER / 2}
				width={w - BORDER}
				height={h - BORDER}
				rx={10 - BORDER / 2}
				fill={colours.surface}
				stroke={ragColour ?? colours.milestoneBorder}
				strokeWidth={BORDER}
			/>
			<path
				d={band}
				fill={
					ragColour ?? stripePattern(ctx, 'rag-none', [colours.stripeA, colours.stripeB], 6, 45)
				}
			/>
			{kind.element}
			{pill.element}
			{titleText}
			{dueText.element}
			{checkins.length > 0
				? ragTrailDots(checkins, left + dueText.width + 8, right, whenTop, colours)
				: null}
			{svgText(editor, ownerItem.text, left, metaTop, width, ownerItem.style).element}
		</g>
	)
}

/**
 * The card's RAG trail (RagTrail.tsx without its date): the newest check-ins as dots, the newest
 * ringed, ending at `right`; the oldest are left out when they would reach `left`.
 */
function ragTrailDots(
	checkins: MilestoneShape['props']['checkins'],
	left: number,
	right: number,
	y: number,
	colours: CardColours
): ReactElement {
	const recent = checkins.slice(-CARD_TRAIL_LENGTH)
	const middle = y + TRAIL_HEIGHT / 2
	const dots: ReactElement[] = []
	let end = right
	for (let i = recent.length - 1; i >= 0; i--) {
		const c = recent[i]!
		const isLatest = i === recent.length - 1
		const size = isLatest ? 16 : 13
		if (end - size < left) break
		const stroke = isLatest ? 2 : 1
		dots.push(
			<circle
				key={i}
				cx={end - size / 2}
				cy={middle}
				r={(size - stroke) / 2}
				fill={c.rag === 'none' ? colours.dotNone : ragColours[c.rag]}
				stroke={isLatest ? colours.dotLatest : colours.dotEdge}
				strokeWidth={stroke}
			/>
		)
		end -= size + 4
	}
	return <g>{dots.reverse()}</g>
}
