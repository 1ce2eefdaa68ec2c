import { useId } from 'react'
import { CHECKIN_RAGS } from '../../shared/model/appendCheckin'
import { ragLabels } from '../shapes/MilestoneShapeUtil'
import './ragChoice.css'

export type CheckinRag = (typeof CHECKIN_RAGS)[number]

interface RagChoiceProps {
	/** The group's accessible name, e.g. "RAG status". */
	label: string
	value: CheckinRag | null
	onChange: (rag: CheckinRag) => void
	onFocus?: () => void
	invalid?: boolean
}

/** Red, amber or green as a radio group: a check-in is a choice, so there is no "not set". */
export function RagChoice({ label, value, onChange, onFocus, invalid }: RagChoiceProps) {
	const name = useId()
	return (
		<div
			role="radiogroup"
			aria-label={label}
			aria-invalid={invalid ? 'true' : undefined}
			className="dm-rag-choice"
		>
			{[...CHECKIN_RAGS].reverse().map((rag) => (
				<label key={rag} className="dm-rag-option" data-rag={rag}>
					<input
						type="radio"
						name={name}
						value={rag}
						checked={value === rag}
						onFocus={onFocus}
						onChange={() => onChange(rag)}
					/>
					<span className="dm-rag-swatch" aria-hidden="true" />
					{ragLabels[rag]}
				</label>
			))}
		</div>
	)
}
