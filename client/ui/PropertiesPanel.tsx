import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'
import {
	blockerKindSchema,
	blockerSeveritySchema,
	blockerStatusSchema,
} from '../../shared/schema/blockerProps'
import { enablerServiceSchema, enablerStatusSchema } from '../../shared/schema/enablerProps'
import { milestoneStatusSchema, ragSchema } from '../../shared/schema/milestoneProps'
import { isTypedShapeType } from '../../shared/schema/typedShapes'
import { blockerKindLabels, blockerStatusLabels, severityLabels } from '../shapes/BlockerShapeUtil'
import { enablerStatusLabels, serviceLabels } from '../shapes/EnablerShapeUtil'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import type { BlockerShape, EnablerShape, MilestoneShape, TypedShape } from '../shapes/shapeTypes'
import { CheckinsEditor } from './CheckinsEditor'
import { DateField, SelectField, TextField } from './PropertyFields'

const HOW_SUGGESTIONS = ['Advice', 'Approval', 'Funding', 'Capacity', 'A system change', 'Data']

/**
 * The style panel's place, top right: for one selected milestone, enabler or blocker it edits every
 * prop with proper inputs; for anything else it is tldraw's own style panel.
 */
export function PropertiesPanel(props: TLUiStylePanelProps) {
	const editor = useEditor()
	const shape = useValue(
		'typed shape selection',
		() => {
			const only = editor.getOnlySelectedShape()
			return only && isTypedShapeType(only.type) ? (only as TypedShape) : null
		},
		[editor]
	)
	if (!shape) return <DefaultStylePanel {...props} />

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
			{shape.type === 'milestone' ? (
				<MilestoneFields shape={shape} mark={mark} update={update} />
			) : shape.type === 'enabler' ? (
				<EnablerFields shape={shape} mark={mark} update={update} />
			) : (
				<BlockerFields shape={shape} mark={mark} update={update} />
			)}
		</div>
	)
}

function headingOf(shape: TypedShape) {
	if (shape.type === 'milestone') return 'Milestone'
	if (shape.type === 'enabler') return 'Enabler'
	return 'Blocker'
}

interface FieldsProps<S extends TypedShape> {
	shape: S
	mark: () => void
	update: (changes: Partial<S['props']>) => void
}

function MilestoneFields({ shape, mark, update }: FieldsProps<MilestoneShape>) {
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

function EnablerFields({ shape, mark, update }: FieldsProps<EnablerShape>) {
	const p = shape.props
	return (
		<>
			<SelectField
				label="Service"
				value={p.service}
				options={enablerServiceSchema.options}
				labels={serviceLabels}
				onFocus={mark}
				onChange={(service) => update({ service })}
			/>
			<TextField
				label="What we need from them"
				multiline
				value={p.contribution}
				onFocus={mark}
				onChange={(contribution) => update({ contribution })}
			/>
			<TextField
				label="How (advice, approval, funding…)"
				value={p.how}
				suggestions={HOW_SUGGESTIONS}
				onFocus={mark}
				onChange={(how) => update({ how })}
			/>
			<DateField
				label="Needed by"
				value={p.neededBy}
				onFocus={mark}
				onChange={(neededBy) => update({ neededBy })}
			/>
			<TextField
				label="Contact in the service"
				value={p.owner}
				onFocus={mark}
				onChange={(owner) => update({ owner })}
			/>
			<SelectField
				label="Status"
				value={p.status}
				options={enablerStatusSchema.options}
				labels={enablerStatusLabels}
				onFocus={mark}
				onChange={(status) => update({ status })}
			/>
		</>
	)
}

function BlockerFields({ shape, mark, update }: FieldsProps<BlockerShape>) {
	const p = shape.props
	return (
		<>
			<TextField
				label="What could delay us"
				multiline
				value={p.title}
				onFocus={mark}
				onChange={(title) => update({ title })}
			/>
			<SelectField
				label="Kind"
				value={p.kind}
				options={blockerKindSchema.options}
				labels={blockerKindLabels}
				onFocus={mark}
				onChange={(kind) => update({ kind })}
			/>
			<TextField
				label="Who unblocks it"
				value={p.owner}
				onFocus={mark}
				onChange={(owner) => update({ owner })}
			/>
			<SelectField
				label="Severity"
				value={p.severity}
				options={blockerSeveritySchema.options}
				labels={severityLabels}
				onFocus={mark}
				onChange={(severity) => update({ severity })}
			/>
			<SelectField
				label="Status"
				value={p.status}
				options={blockerStatusSchema.options}
				labels={blockerStatusLabels}
				onFocus={mark}
				onChange={(status) => update({ status })}
			/>
		</>
	)
}
