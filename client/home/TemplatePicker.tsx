import { useId } from 'react'
import { templates } from '../../shared/templates/templates'
import './templatePicker.css'

/** The "empty map" choice: no shapes at all. */
export const EMPTY_MAP = 'empty'

export const mapStarts = [
	{
		id: EMPTY_MAP,
		name: 'Empty map',
		description: 'A blank canvas: draw your own stages (S) and milestones (M).',
		stages: [] as readonly string[],
	},
	...templates.map((t) => ({
		id: t.id,
		name: t.name,
		description: t.description,
		stages: t.stages,
	})),
]

interface TemplatePickerProps {
	value: string
	onChange: (id: string) => void
}

/** What a new map starts from: empty, or one of shared's templates, each with its stages. */
export function TemplatePicker({ value, onChange }: TemplatePickerProps) {
	const name = useId()
	return (
		<fieldset className="dm-template-picker">
			<legend>Start from</legend>
			{mapStarts.map((start) => {
				const nameId = `${name}-${start.id}-name`
				const descriptionId = `${name}-${start.id}-description`
				return (
					<label
						key={start.id}
						className="dm-template-option"
						data-checked={value === start.id ? 'true' : undefined}
					>
						<input
							type="radio"
							name={name}
							value={start.id}
							checked={value === start.id}
							aria-labelledby={nameId}
							aria-describedby={descriptionId}
							onChange={() => onChange(start.id)}
						/>
						<span className="dm-template-text">
							<span id={nameId} className="dm-template-name">
								{start.name}
							</span>
							<span id={descriptionId} className="dm-template-description">
								{start.description}
							</span>
							{start.stages.length > 0 ? (
								<span className="dm-template-stages" aria-hidden="true">
									{start.stages.map((stage) => (
										<span key={stage} className="dm-template-stage">
											{stage}
										</span>
									))}
								</span>
							) : null}
						</span>
					</label>
				)
			})}
		</fieldset>
	)
}
