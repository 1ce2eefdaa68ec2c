import type { CSSProperties } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, type SvgExportContext } from 'tldraw'
import { localToday } from '../../shared/schema/dateString'
import { milestonePropsSchema } from '../../shared/schema/milestoneProps'
import { defaultPropsOf } from '../../shared/schema/typedShapes'
import { boxIndicator } from './boxIndicator'
import { CARD_FONT_FACES } from './cardFont'
import { milestoneSvg } from './milestoneSvg'
import { ProblemRing } from './ProblemRing'
import { formatDate } from './formatDate'
import { propsValidatorsFrom } from './propsValidators'
import { RagTrail } from './RagTrail'
import { milestoneTitleLines, milestoneTitleRoom } from './shapeBody'
import type { MilestoneShape } from './shapeTypes'
import { TitleField } from './TitleField'

export const ragLabels = { none: 'No RAG', green: 'Green', amber: 'Amber', red: 'Red' } as const
export const milestoneStatusLabels = {
	'not-started': 'Not started',
	'in-progress': 'In progress',
	done: 'Done',
} as const

/** How many check-ins a card's trail shows: as many as fit beside the longest due date. */
export const CARD_TRAIL_LENGTH = 4

/** A milestone: an outcome that shifts something for people, with an owner and a due date. */
export class MilestoneShapeUtil extends BaseBoxShapeUtil<MilestoneShape> {
	static override type = 'milestone' as const
	static override props = propsValidatorsFrom(milestonePropsSchema)

	getDefaultProps(): MilestoneShape['props'] {
		return defaultPropsOf('milestone')
	}

	override canEdit() {
		return true
	}

	override getText(shape: MilestoneShape) {
		return shape.props.title
	}

	override getAriaDescriptor(shape: MilestoneShape) {
		return `Milestone: ${shape.props.title || 'untitled'}`
	}

	component(shape: MilestoneShape) {
		const { title, owner, due, status, rag, checkins, w, h } = shape.props
		const overdue = due !== '' && status !== 'done' && due < localToday()
		return (
			<>
				<HTMLContainer
					className="dm-shape dm-milestone"
					data-rag={rag}
					data-status={status}
					style={
						{ width: w, height: h, '--dm-title-lines': milestoneTitleLines(h) } as CSSProperties
					}
				>
					<div className="dm-rag-band" title={ragLabels[rag]} />
					<div className="dm-shape-body">
						<div className="dm-kind-row">
							<span className="dm-kind">Milestone</span>
							<span className="dm-pill" data-status={status}>
								{milestoneStatusLabels[status]}
							</span>
						</div>
						<TitleField
							shapeId={shape.id}
							shapeType="milestone"
							prop="title"
							value={title}
							placeholder="Double-click to name this milestone"
							className="dm-title"
							room={milestoneTitleRoom(w, h)}
						/>
						{/* The owner has a row of its own: beside the due date, a name with its team
						    ("Priya (Community team)") was cut to a few letters on a card of the
						    default width. The trail there is dots only; their dates are in each dot's
						    tooltip and in the trail's accessible name. */}
						<div className="dm-meta-row dm-when-row">
							<span className="dm-due" data-overdue={overdue ? 'true' : undefined}>
								{due === '' ? 'No due date' : `Due ${formatDate(due)}`}
							</span>
							<RagTrail checkins={checkins} length={CARD_TRAIL_LENGTH} withDate={false} />
						</div>
						<div className="dm-meta-row">
							<span className="dm-owner" data-empty={owner === '' ? 'true' : undefined}>
								{owner === '' ? 'No owner' : owner}
							</span>
						</div>
					</div>
				</HTMLContainer>
				<ProblemRing id={shape.id} w={w} h={h} />
			</>
		)
	}

	/** Drawn as SVG for PNG and SVG export (see milestoneSvg.tsx). */
	override toSvg(shape: MilestoneShape, ctx: SvgExportContext) {
		return milestoneSvg(this.editor, shape, ctx)
	}

	/** tldraw loads these before it draws the map, and embeds them in exported pictures. */
	override getFontFaces() {
		return CARD_FONT_FACES
	}

	getIndicatorPath(shape: MilestoneShape) {
		return boxIndicator(shape.props.w, shape.props.h)
	}
}
