import {
	DefaultStylePanel,
	useEditor,
	useValue,
	type Editor,
	type TLUiStylePanelProps,
} from 'tldraw'
import { isTypedShapeType } from '../../shared/schema/typedShapes'
import { LockableFields } from '../facilitate/LockableFields'
import { useRoom } from '../room/RoomContext'
import type { TypedShape } from '../shapes/shapeTypes'
import { BlockerFields } from './BlockerFields'
import { EnablerFields } from './EnablerFields'
import { MilestoneFields } from './MilestoneFields'
import { usePeopleOnMap } from './usePeopleOnMap'

/**
 * The style panel's place, top right: for one selected milestone, enabler or blocker it edits every
 * prop with proper inputs; for other shapes and tools it is tldraw's own style panel. While the side panel
 * shows the Plan tab, whose form edits the selected card, it gives way to that form: the same
 * fields twice, one of them over the canvas beside the card, were one too many.
 */
export function PropertiesPanel(props: TLUiStylePanelProps) {
	const editor = useEditor()
	const { sidebarTab } = useRoom()
	const shape = useValue(
		'typed shape selection',
		() => {
			const only = editor.getOnlySelectedShape()
			return only && isTypedShapeType(only.type) ? (only as TypedShape) : null
		},
		[editor]
	)
	// With nothing selected, tldraw shows the colours and sizes the next shape will take. Cards take
	// none of them, and the grid covered the cards at the top right of the canvas: it shows once a
	// tool or a shape it styles is chosen.
	const idle = useValue(
		'nothing selected',
		() => editor.isIn('select') && editor.getSelectedShapeIds().length === 0,
		[editor]
	)
	if (!shape) return idle ? null : <DefaultStylePanel {...props} />
	if (sidebarTab === 'plan') return null
	return <TypedShapeProperties editor={editor} shape={shape} />
}

/**
 * The panel for one selected milestone, enabler or blocker. A locked one (selected from the
 * outline: the canvas does not select locked shapes) shows why its fields are disabled; they
 * used to take typing that tldraw then dropped.
 */
function TypedShapeProperties({ editor, shape }: { editor: Editor; shape: TypedShape }) {
	const people = usePeopleOnMap(editor)
	const mark = () => editor.markHistoryStoppingPoint('edit property')
	const update = (changes: Partial<TypedShape['props']>) => {
		editor.updateShape({ id: shape.id, type: shape.type, props: changes } as Parameters<
			typeof editor.updateShape
		>[0])
	}

	return (
		<div
			className="tlui-style-panel tlui-style-panel__wrapper dm-properties"
			data-testid="properties-panel"
			onPointerMove={(e) => editor.markEventAsHandled(e)}
			onKeyDown={(e) => {
				if (e.key === 'Escape') editor.getContainer().focus()
			}}
		>
			<h2 className="dm-properties-heading">{headingOf(shape)}</h2>
			<LockableFields
				editor={editor}
				shapeId={shape.id}
				kind={shape.type}
				className="dm-properties-fields"
				noticeClassName="dm-properties-locked"
			>
				{shape.type === 'milestone' ? (
					<MilestoneFields shape={shape} mark={mark} update={update} people={people} />
				) : shape.type === 'enabler' ? (
					<EnablerFields shape={shape} mark={mark} update={update} people={people} />
				) : (
					<BlockerFields shape={shape} mark={mark} update={update} people={people} />
				)}
			</LockableFields>
		</div>
	)
}

function headingOf(shape: TypedShape) {
	if (shape.type === 'milestone') return 'Milestone'
	if (shape.type === 'enabler') return 'Enabler'
	return 'Blocker'
}
