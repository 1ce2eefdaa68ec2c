import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { ragSchema } from '../../shared/schema/milestoneProps'
import { ragLabels } from '../shapes/MilestoneShapeUtil'
import type { MilestoneShape } from '../shapes/shapeTypes'
import { DateField, SelectField, TextField } from '../ui/PropertyFields'

export interface MilestoneFormProps {
	editor: Editor
	milestoneId: string
	/** Names already used as owners or unblockers on this map, offered as suggestions. */
	people: readonly string[]
}

/**
 * Edits one milestone from the outline, without the canvas: title, owner, unblocker, due date and
 * RAG. Reads the shape itself (not the plan), so typing never waits for the plan; writes with
 * editor.updateShape, so the edit syncs and undoes like any other.
 */
export function MilestoneForm({ editor, milestoneId, people }: MilestoneFormProps) {
	const shape = useValue(
		'outline milestone',
		() => {
			const s = editor.getShape(milestoneId as TLShapeId)
			return s && s.type === 'milestone' ? (s as MilestoneShape) : null
		},
		[editor, milestoneId]
	)
	if (!shape) return null
	const p = shape.props
	const mark = () => editor.markHistoryStoppingPoint('edit milestone from the outline')
	const update = (props: Partial<MilestoneShape['props']>) =>
		editor.updateShape<MilestoneShape>({ id: shape.id, type: 'milestone', props })
	return (
		<section
			className="dm-outline-form"
			aria-label={`Edit milestone: ${p.title || 'untitled'}`}
			data-testid="outline-milestone-form"
		>
			<h3 className="dm-outline-subheading">Edit milestone</h3>
			{shape.isLocked ? (
				<p className="dm-outline-locked">This milestone is locked; it cannot be changed now.</p>
			) : null}
			<fieldset className="dm-outline-fields" disabled={shape.isLocked}>
				<TextField
					label="Title"
					value={p.title}
					onFocus={mark}
					onChange={(title) => update({ title })}
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
				<div className="dm-outline-form-row">
					<DateField label="Due" value={p.due} onFocus={mark} onChange={(due) => update({ due })} />
					<SelectField
						label="RAG"
						value={p.rag}
						options={ragSchema.options}
						labels={ragLabels}
						onFocus={mark}
						onChange={(rag) => update({ rag })}
					/>
				</div>
			</fieldset>
		</section>
	)
}
