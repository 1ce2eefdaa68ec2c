import { enablerServiceSchema, enablerStatusSchema } from '../../shared/schema/enablerProps'
import { enablerStatusLabels, serviceLabels } from '../shapes/EnablerShapeUtil'
import type { EnablerShape } from '../shapes/shapeTypes'
import { DateField, SelectField, TextField, type ShapeFieldsProps } from './PropertyFields'

const HOW_SUGGESTIONS = ['Advice', 'Approval', 'Funding', 'Capacity', 'A system change', 'Data']

/**
 * Every prop of an enabler: the service, what we need from them and how, when, the contact and
 * the status. The properties panel and the outline's enabler form both show these.
 */
export function EnablerFields({ shape, mark, update, people }: ShapeFieldsProps<EnablerShape>) {
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
				suggestions={people}
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
