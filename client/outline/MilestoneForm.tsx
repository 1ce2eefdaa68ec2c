import type { Editor, TLShapeId } from 'tldraw'
import type { MilestoneShape } from '../shapes/shapeTypes'
import { MilestoneFields } from '../ui/MilestoneFields'
import { OutlineShapeForm } from './OutlineShapeForm'
import { useShapeOfType } from './useShapeOfType'

export interface MilestoneFormProps {
	editor: Editor
	milestoneId: TLShapeId
	/** Names already written on this map (usePeopleOnMap), offered as suggestions. */
	people: readonly string[]
}

/**
 * Edits one milestone from the outline, without the canvas: the properties panel's fields (title,
 * outcome, owner, unblocker, due date, status, RAG) but for the check-ins, which the Check-in
 * tab records. Reads the shape itself (not the plan), so typing never waits for the plan; writes
 * with editor.updateShape, so the edit syncs and undoes like any other.
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
			<MilestoneFields
				shape={shape}
				mark={mark}
				update={update}
				people={people}
				withCheckins={false}
			/>
		</OutlineShapeForm>
	)
}
