import type { Editor, TLFrameShape, TLShapeId } from 'tldraw'
import { MAX_TEXT_LENGTH } from '../../shared/model/maxTextLength'
import { stageName } from '../shapes/stageName'
import { TextField } from '../ui/PropertyFields'
import { OutlineShapeForm } from './OutlineShapeForm'
import { useShapeOfType } from './useShapeOfType'

/**
 * Renames one stage (a tldraw frame; its name is the stage's) from the outline, without the
 * canvas. The input stops at the length the map keeps (restoreRecords cuts longer names).
 */
export function StageForm({ editor, stageId }: { editor: Editor; stageId: TLShapeId }) {
	const shape = useShapeOfType<TLFrameShape>(editor, stageId, 'frame')
	if (!shape) return null
	return (
		<OutlineShapeForm
			editor={editor}
			shapeId={shape.id}
			kind="stage"
			name={stageName(shape)}
			testId="outline-stage-form"
		>
			<TextField
				label="Stage name"
				value={shape.props.name}
				maxLength={MAX_TEXT_LENGTH}
				onFocus={() => editor.markHistoryStoppingPoint('rename stage from the outline')}
				onChange={(name) =>
					editor.updateShape<TLFrameShape>({ id: shape.id, type: 'frame', props: { name } })
				}
			/>
		</OutlineShapeForm>
	)
}
