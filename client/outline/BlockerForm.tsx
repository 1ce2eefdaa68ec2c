import type { Editor, TLShapeId } from 'tldraw'
import type { BlockerShape } from '../shapes/shapeTypes'
import { BlockerFields } from '../ui/BlockerFields'
import { OutlineShapeForm } from './OutlineShapeForm'
import { useShapeOfType } from './useShapeOfType'

/**
 * Edits one blocker from the outline, without the canvas, with the properties panel's fields:
 * what could delay us, kind, who unblocks it, severity and status.
 */
export function BlockerForm({
	editor,
	blockerId,
	people,
}: {
	editor: Editor
	blockerId: TLShapeId
	/** Names already written on this map (usePeopleOnMap), offered for who unblocks it. */
	people: readonly string[]
}) {
	const shape = useShapeOfType<BlockerShape>(editor, blockerId, 'blocker')
	if (!shape) return null
	return (
		<OutlineShapeForm
			editor={editor}
			shapeId={shape.id}
			kind="blocker"
			name={shape.props.title || 'untitled'}
			testId="outline-blocker-form"
		>
			<BlockerFields
				shape={shape}
				people={people}
				mark={() => editor.markHistoryStoppingPoint('edit blocker from the outline')}
				update={(props) =>
					editor.updateShape<BlockerShape>({ id: shape.id, type: 'blocker', props })
				}
			/>
		</OutlineShapeForm>
	)
}
