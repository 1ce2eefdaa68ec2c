import type { Editor, TLShapeId } from 'tldraw'
import { ragSchema } from '../../shared/schema/milestoneProps'
import { ragLabels } from '../shapes/MilestoneShapeUtil'
import type { MilestoneShape } from '../shapes/shapeTypes'
import { DateField, SelectField, TextField } from '../ui/PropertyFields'
import { OutlineShapeForm } from './OutlineShapeForm'
import { useShapeOfType } from './useShapeOfType'

export interface MilestoneFormProps {
	editor: Editor
	milestoneId: TLShapeId
	/** Names already used as owners or unblockers on this map, offered as suggestions. */
	people: readonly string[]
}

/**
 * Edits one milestone from the outline, without the canvas: title, owner, unblocker, due date and
 * RAG. Reads the shape itself (not the plan), so typing never waits for the plan; writes with
 * editor.updateShape, so the edit syncs and undoes like any other.
 */
export function MilestoneForm({ editor, milestoneId, people }: MilestoneFormProps) {
	const shape = useShapeOfType<MilestoneShape>(editor, milestoneId, 'milestone')
	if (!shape) return null
	const p = shape.props
	const mark = () => editor.markHistoryStoppingPoint('edit milestone from the outline')
	const update = (props: Partial<MilestoneShape['props']>) =>
		editor.updateShape<MilestoneShape>({ id: shape.id, type: 'milestone', props })
	return (
		<OutlineShapeForm
			editor={editor}
			shapeId={shape.id}
			kind="milestone"
			name={p.title || 'untitled'}
			testId="outline-milestone-form"
		>
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
		</OutlineShapeForm>
	)
}
