import { milestoneStatusSchema, ragSchema } from '../../shared/schema/milestoneProps'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import type { MilestoneShape } from '../shapes/shapeTypes'
import { CheckinsEditor } from './CheckinsEditor'
import { DateField, SelectField, TextField, type ShapeFieldsProps } from './PropertyFields'

export interface MilestoneFieldsProps extends ShapeFieldsProps<MilestoneShape> {
	/** The check-ins' own editor; off where the Check-in tab is the way to add one (the outline). */
	withCheckins?: boolean
}

/**
 * Every prop of a milestone, its check-ins included unless `withCheckins` is false: the
 * properties panel, and the outline's form for a milestone.
 */
export function MilestoneFields({
	shape,
	mark,
	update,
	people,
	withCheckins = true,
}: MilestoneFieldsProps) {
	const p = shape.props
	return (
		<>
			<TextField
				label="Title"
				value={p.title}
				onFocus={mark}
				onChange={(title) => update({ title })}
			/>
			<TextField
				label="Outcome (what shifts for people)"
				multiline
				value={p.outcome}
				onFocus={mark}
				onChange={(outcome) => update({ outcome })}
			/>
			<TextField
				label="Owner (does the work)"
				value={p.owner}
				suggestions={people}
				onFocus={mark}
				onChange={(owner) => update({ owner })}
			/>
			<TextField
				label="Unblocker (owns unblocking it)"
				value={p.unblocker}
				suggestions={people}
				onFocus={mark}
				onChange={(unblocker) => update({ unblocker })}
			/>
			<DateField label="Due" value={p.due} onFocus={mark} onChange={(due) => update({ due })} />
			<SelectField
				label="Status"
				value={p.status}
				options={milestoneStatusSchema.options}
				labels={milestoneStatusLabels}
				onFocus={mark}
				onChange={(status) => update({ status })}
			/>
			<SelectField
				label="RAG"
				value={p.rag}
				options={ragSchema.options}
				labels={ragLabels}
				onFocus={mark}
				onChange={(rag) => update({ rag })}
			/>
			{withCheckins ? (
				<CheckinsEditor
					checkins={p.checkins}
					onFocus={mark}
					onChange={(checkins) => {
						const newest = checkins[checkins.length - 1]
						update(newest ? { checkins, rag: newest.rag } : { checkins })
					}}
				/>
			) : null}
		</>
	)
}
