import { milestoneStatusSchema, ragSchema } from '../../shared/schema/milestoneProps'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import type { MilestoneShape } from '../shapes/shapeTypes'
import { CheckinsEditor } from './CheckinsEditor'
import { DateField, SelectField, TextField, type ShapeFieldsProps } from './PropertyFields'

/** Every prop of a milestone, its check-ins included (the properties panel). */
export function MilestoneFields({ shape, mark, update }: ShapeFieldsProps<MilestoneShape>) {
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
				onFocus={mark}
				onChange={(owner) => update({ owner })}
			/>
			<TextField
				label="Unblocker (owns unblocking it)"
				value={p.unblocker}
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
			<CheckinsEditor
				checkins={p.checkins}
				onFocus={mark}
				onChange={(checkins) => {
					const newest = checkins[checkins.length - 1]
					update(newest ? { checkins, rag: newest.rag } : { checkins })
				}}
			/>
		</>
	)
}
