import type { ReactElement } from 'react'
import type { Editor, SvgExportContext } from 'tldraw'
import { localToday } from '../../shared/schema/dateString'
import { formatDate } from './formatDate'
import { milestoneStatusLabels } from './MilestoneShapeUtil'
import { RAG_TRAIL_LENGTH } from './RagTrail'
import type { MilestoneShape } from './shapeTypes'
import { stripePattern } from './stripePattern'
import { PILL_HEIGHT, svgPill } from './svgPill'
import { rowItem, svgRow } from './svgRow'
import { svgText } from './svgText'
import { svgTitle } from './svgTitle'
import { BODY_GAP, shapeBody } from './shapeBody'

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
	const { left, right, width, top, metaTop } = shapeBody({
		left: BORDER + BAND,
		right: w - BORDER,
		top: BORDER,
		bottom: h - BORDER,
	})
	const kindMiddle = top + PILL_HEIGHT / 2
	const pill = svgPill(editor, milestoneStatusLabels[status], status, right, kindMiddle, width / 2)
	const kind = svgText(
		editor,
		'MILESTONE',
		left,
		kindMiddle - 7.5,
		Math.max(1, width - pill.width - 8),
		{ fontSize: 12, fontWeight: 700, color: '#4b5563', letterSpacing: '0.06em' }
	)
	const trailTop = checkins.length > 0 ? metaTop - BODY_GAP - TRAIL_HEIGHT : metaTop
	const titleTop = top + PILL_HEIGHT + BODY_GAP
	const titleText = svgTitle(
		editor,
		{ text: title, placeholder: 'Double-click to name this milestone' },
		{ left, top: titleTop, bottom: trailTop - BODY_GAP, width },
		{ fontSize: 18, fontWeight: 700, color: status === 'done' ? '#4b5563' : '#111827' },
		3
	)
	const overdue = due !== '' && status !== 'done' && due < localToday()
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
				fill="#ffffff"
				stroke={ragColour ?? '#94a3b8'}
				strokeWidth={BORDER}
			/>
			<path
				d={band}
				fill={ragColour ?? stripePattern(ctx, 'rag-none', ['#e5e7eb', '#f3f4f6'], 6, 45)}
			/>
			{kind.element}
			{pill.element}
			{titleText}
			{checkins.length > 0 ? ragTrail(editor, checkins, left, trailTop, width) : null}
			{svgRow(
				editor,
				rowItem(owner, 'No owner'),
				{
					text: due === '' ? 'No due date' : `Due ${formatDate(due)}`,
					style: overdue
						? { fontSize: 14, fontWeight: 700, color: '#b91c1c' }
						: { fontSize: 14, color: '#374151' },
					fixed: true,
				},
				left,
				metaTop,
				width
			)}
		</g>
	)
}

/** The RAG trail (RagTrail.tsx): recent check-ins as dots, the newest ringed, then its date. */
function ragTrail(
	editor: Editor,
	checkins: MilestoneShape['props']['checkins'],
	x: number,
	y: number,
	width: number
): ReactElement {
	const recent = checkins.slice(-RAG_TRAIL_LENGTH)
	const latest = checkins[checkins.length - 1]!
	const middle = y + TRAIL_HEIGHT / 2
	let cx = x
	const dots = recent.map((c, i) => {
		const isLatest = i === recent.length - 1
		const size = isLatest ? 16 : 13
		const stroke = isLatest ? 2 : 1
		const dot = (
			<circle
				key={i}
				cx={cx + size / 2}
				cy={middle}
				r={(size - stroke) / 2}
				fill={c.rag === 'none' ? '#e5e7eb' : ragColours[c.rag]}
				stroke={isLatest ? '#111827' : 'rgba(15, 23, 42, 0.35)'}
				strokeWidth={stroke}
			/>
		)
		cx += size + 4
		return dot
	})
	const dateLeft = cx - 4 + 8
	const date = svgText(
		editor,
		latest.date === '' ? 'undated' : formatDate(latest.date),
		dateLeft,
		middle - 8,
		Math.max(1, x + width - dateLeft),
		{ fontSize: 13, fontWeight: 600, color: '#374151' }
	)
	return (
		<g>
			{dots}
			{x + width - dateLeft >= 1 ? date.element : null}
		</g>
	)
}
