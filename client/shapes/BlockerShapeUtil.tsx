import { BaseBoxShapeUtil, HTMLContainer, type SvgExportContext } from 'tldraw'
import { blockerPropsSchema } from '../../shared/schema/blockerProps'
import { defaultPropsOf } from '../../shared/schema/typedShapes'
import { boxIndicator } from './boxIndicator'
import { CARD_FONT_FACES } from './cardFont'
import { blockerSvg } from './blockerSvg'
import { ProblemRing } from './ProblemRing'
import { propsValidatorsFrom } from './propsValidators'
import type { BlockerShape } from './shapeTypes'
import { blockerTitleRoom } from './shapeBody'
import { TitleField } from './TitleField'

export const blockerKindLabels = {
	contract: 'Contract',
	approval: 'Approval',
	'system-change': 'System change',
	funding: 'Funding',
	capacity: 'Capacity',
	data: 'Data',
	other: 'Other',
} as const

export const severityLabels = { low: 'Low', medium: 'Medium', high: 'High' } as const
export const blockerStatusLabels = { open: 'Open', resolved: 'Resolved' } as const

/**
 * A blocker's band: its severity, then its kind ("High · System change"), as an enabler's band
 * names its service; "Blocker" stands for the kind "other". The hazard stripes and the ⚠ say it
 * is a blocker, and the bottom row is left whole for who unblocks it. Once resolved its severity
 * no longer matters: the band gives the kind alone after a ✓, and a pill in the bottom row says
 * "Resolved" (beside the kind, it cut "SYSTEM CHANGE" on a card of the default width).
 */
export function blockerBandLabel(
	props: Pick<BlockerShape['props'], 'kind' | 'severity' | 'status'>
): string {
	const kind = props.kind === 'other' ? 'Blocker' : blockerKindLabels[props.kind]
	if (props.status === 'resolved') return kind
	const severity = severityLabels[props.severity]
	return props.kind === 'other' ? `${kind} · ${severity}` : `${severity} · ${kind}`
}

/** A blocker: a hidden dependency that could delay the work even if the team does its part. */
export class BlockerShapeUtil extends BaseBoxShapeUtil<BlockerShape> {
	static override type = 'blocker' as const
	static override props = propsValidatorsFrom(blockerPropsSchema)

	getDefaultProps(): BlockerShape['props'] {
		return defaultPropsOf('blocker')
	}

	override canEdit() {
		return true
	}

	override getText(shape: BlockerShape) {
		return shape.props.title
	}

	override getAriaDescriptor(shape: BlockerShape) {
		return `Blocker, ${shape.props.severity} severity: ${shape.props.title || 'untitled'}`
	}

	component(shape: BlockerShape) {
		const { title, owner, severity, status, w, h } = shape.props
		return (
			<>
				<HTMLContainer
					className="dm-shape dm-blocker"
					data-severity={severity}
					data-status={status}
					style={{ width: w, height: h }}
				>
					<div className="dm-hazard-band">
						<span className="dm-warning-icon" aria-hidden="true">
							{status === 'resolved' ? '✓' : '⚠'}
						</span>
						<span className="dm-kind">{blockerBandLabel(shape.props)}</span>
					</div>
					<div className="dm-shape-body">
						<TitleField
							shapeId={shape.id}
							shapeType="blocker"
							prop="title"
							value={title}
							placeholder="Double-click: what could delay us?"
							className="dm-title"
							room={blockerTitleRoom(w, h, severity)}
						/>
						<div className="dm-meta-row">
							<span className="dm-owner" data-empty={owner === '' ? 'true' : undefined}>
								{owner === '' ? 'Nobody to unblock' : owner}
							</span>
							{status === 'resolved' ? (
								<span className="dm-pill" data-status="resolved">
									Resolved
								</span>
							) : null}
						</div>
					</div>
				</HTMLContainer>
				<ProblemRing id={shape.id} w={w} h={h} />
			</>
		)
	}

	/** Drawn as SVG for PNG and SVG export (see blockerSvg.tsx). */
	override toSvg(shape: BlockerShape, ctx: SvgExportContext) {
		return blockerSvg(this.editor, shape, ctx)
	}

	/** tldraw loads these before it draws the map, and embeds them in exported pictures. */
	override getFontFaces() {
		return CARD_FONT_FACES
	}

	getIndicatorPath(shape: BlockerShape) {
		return boxIndicator(shape.props.w, shape.props.h)
	}
}
