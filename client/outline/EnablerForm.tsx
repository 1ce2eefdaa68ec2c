import type { Editor, TLShapeId } from 'tldraw'
import { serviceLabels } from '../shapes/EnablerShapeUtil'
import type { EnablerShape } from '../shapes/shapeTypes'
import { EnablerFields } from '../ui/EnablerFields'
import { OutlineShapeForm } from './OutlineShapeForm'
import { useShapeOfType } from './useShapeOfType'

/**
 * Edits one enabler from the outline, without the canvas, with the properties panel's fields:
 * service, what we need from them, how, needed by, contact and status.
 */
export function EnablerForm({
	editor,
	enablerId,
	people,
}: {
	editor: Editor
	enablerId: TLShapeId
	/** Names already written on this map (usePeopleOnMap), offered for the contact. */
	people: readonly string[]
}) {
	const shape = useShapeOfType<EnablerShape>(editor, enablerId, 'enabler')
	if (!shape) return null
	const p = shape.props
	return (
		<OutlineShapeForm
			editor={editor}
			shapeId={shape.id}
			kind="enabler"
			name={`${serviceLabels[p.service]}: ${p.contribution || 'nothing named yet'}`}
			testId="outline-enabler-form"
		>
			<EnablerFields
				shape={shape}
				people={people}
				mark={() => editor.markHistoryStoppingPoint('edit enabler from the outline')}
				update={(props) =>
					editor.updateShape<EnablerShape>({ id: shape.id, type: 'enabler', props })
				}
			/>
		</OutlineShapeForm>
	)
}
