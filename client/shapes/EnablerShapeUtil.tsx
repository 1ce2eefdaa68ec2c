import type { CSSProperties } from 'react'
import { BaseBoxShapeUtil, HTMLContainer, type SvgExportContext } from 'tldraw'
import { enablerPropsSchema } from '../../shared/schema/enablerProps'
import { defaultPropsOf } from '../../shared/schema/typedShapes'
import { boxIndicator } from './boxIndicator'
import { CARD_FONT_FACES } from './cardFont'
import { enablerSvg } from './enablerSvg'
import { ProblemRing } from './ProblemRing'
import { formatDate } from './formatDate'
import { propsValidatorsFrom } from './propsValidators'
import { enablerLayout, enablerTitleRoom } from './shapeBody'
import type { EnablerShape } from './shapeTypes'
import { TitleField } from './TitleField'

export const serviceLabels = {
	legal: 'Legal',
	finance: 'Finance',
	procurement: 'Procurement',
	digital: 'Digital / IT',
	hr: 'HR',
	comms: 'Comms',
	data: 'Data',
	estates: 'Estates',
	other: 'Other service',
} as const

export const enablerStatusLabels = {
	requested: 'Requested',
	agreed: 'Agreed',
	delivered: 'Delivered',
} as const

/** An enabler: what a corporate service must contribute to a milestone, and when. */
export class EnablerShapeUtil extends BaseBoxShapeUtil<EnablerShape> {
	static override type = 'enabler' as const
	static override props = propsValidatorsFrom(enablerPropsSchema)

	getDefaultProps(): EnablerShape['props'] {
		return defaultPropsOf('enabler')
	}

	override canEdit() {
		return true
	}

	override getText(shape: EnablerShape) {
		return shape.props.contribution
	}

	override getAriaDescriptor(shape: EnablerShape) {
		const { service, contribution, owner } = shape.props
		const contact = owner === '' ? '' : `, contact ${owner}`
		return `Enabler from ${serviceLabels[service]}${contact}: ${contribution || 'not described'}`
	}

	component(shape: EnablerShape) {
		const { service, contribution, how, neededBy, owner, status, w, h } = shape.props
		const { titleLines, contact } = enablerLayout(h)
		return (
			<>
				<HTMLContainer
					className="dm-shape dm-enabler"
					data-service={service}
					data-status={status}
					style={{ width: w, height: h, '--dm-title-lines': titleLines } as CSSProperties}
				>
					<div className="dm-service-band">
						<span className="dm-service">{serviceLabels[service]}</span>
						<span className="dm-pill" data-status={status}>
							{enablerStatusLabels[status]}
						</span>
					</div>
					<div className="dm-shape-body">
						<TitleField
							shapeId={shape.id}
							shapeType="enabler"
							prop="contribution"
							value={contribution}
							placeholder="Double-click: what do we need?"
							className="dm-title"
							room={enablerTitleRoom(w, h)}
						/>
						<div className="dm-meta-row dm-how-row">
							<span className="dm-how" data-empty={how === '' ? 'true' : undefined}>
								{how === '' ? 'How?' : how}
							</span>
							<span className="dm-due">
								{neededBy === '' ? 'When?' : `By ${formatDate(neededBy)}`}
							</span>
						</div>
						{/* The contact in the service, on cards with room for it under two lines of
						    title (new enablers; older, shorter cards show it once made taller). */}
						{contact ? (
							<div className="dm-meta-row">
								<span className="dm-owner" data-unset={owner === '' ? 'true' : undefined}>
									{owner === '' ? 'No contact yet' : owner}
								</span>
							</div>
						) : null}
					</div>
				</HTMLContainer>
				<ProblemRing id={shape.id} w={w} h={h} />
			</>
		)
	}

	/** Drawn as SVG for PNG and SVG export (see enablerSvg.tsx). */
	override toSvg(shape: EnablerShape, ctx: SvgExportContext) {
		return enablerSvg(this.editor, shape, ctx)
	}

	/** tldraw loads these before it draws the map, and embeds them in exported pictures. */
	override getFontFaces() {
		return CARD_FONT_FACES
	}

	getIndicatorPath(shape: EnablerShape) {
		return boxIndicator(shape.props.w, shape.props.h)
	}
}
