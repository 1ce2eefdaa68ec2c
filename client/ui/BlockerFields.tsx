import {
	blockerKindSchema,
	blockerSeveritySchema,
	blockerStatusSchema,
} from '../../shared/schema/blockerProps'
import { blockerKindLabels, blockerStatusLabels, severityLabels } from '../shapes/BlockerShapeUtil'
import type { BlockerShape } from '../shapes/shapeTypes'
import { SelectField, TextField, type ShapeFieldsProps } from './PropertyFields'

/**
 * Every prop of a blocker: what could delay us, its kind, who unblocks it, severity and status.
 * The properties panel and the outline's blocker form both show these.
 */
export function BlockerFields({ shape, mark, update, people }: ShapeFieldsProps<BlockerShape>) {
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
				suggestions={people}
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
