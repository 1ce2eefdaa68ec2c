import { localToday } from '../../shared/schema/dateString'
import type { Checkin } from '../../shared/schema/milestoneProps'
import { ragSchema } from '../../shared/schema/milestoneProps'
import { ragLabels } from '../shapes/MilestoneShapeUtil'

interface CheckinsEditorProps {
	checkins: Checkin[]
	onChange: (checkins: Checkin[]) => void
	onFocus: () => void
}

/** The monthly check-ins, oldest first; the newest one's RAG becomes the milestone's RAG. */
export function CheckinsEditor({ checkins, onChange, onFocus }: CheckinsEditorProps) {
	const replace = (index: number, changes: Partial<Checkin>) =>
		onChange(checkins.map((c, i) => (i === index ? { ...c, ...changes } : c)))
	return (
		<fieldset className="dm-checkins">
			<legend>Monthly check-ins</legend>
			{checkins.length === 0 ? <p className="dm-hint">No check-ins yet.</p> : null}
			{checkins.map((checkin, index) => (
				<div className="dm-checkin" key={index}>
					<input
						type="date"
						aria-label={`Check-in ${index + 1} date`}
						value={checkin.date}
						onFocus={onFocus}
						onChange={(e) => replace(index, { date: e.currentTarget.value })}
					/>
					<select
						aria-label={`Check-in ${index + 1} RAG`}
						value={checkin.rag}
						onFocus={onFocus}
						onChange={(e) => replace(index, { rag: ragSchema.parse(e.currentTarget.value) })}
					>
						{ragSchema.options.map((rag) => (
							<option key={rag} value={rag}>
								{ragLabels[rag]}
							</option>
						))}
					</select>
					<button
						type="button"
						className="dm-link-button"
						aria-label={`Remove check-in ${index + 1}`}
						onClick={() => {
							onFocus()
							onChange(checkins.filter((_, i) => i !== index))
						}}
					>
						Remove
					</button>
					<textarea
						aria-label={`Check-in ${index + 1} learning or next step`}
						placeholder="One key learning or next step"
						rows={2}
						value={checkin.note}
						onFocus={onFocus}
						onChange={(e) => replace(index, { note: e.currentTarget.value })}
					/>
				</div>
			))}
			<button
				type="button"
				className="dm-button"
				onClick={() => {
					onFocus()
					const last = checkins[checkins.length - 1]
					onChange([...checkins, { date: localToday(), rag: last?.rag ?? 'none', note: '' }])
				}}
			>
				Add check-in
			</button>
		</fieldset>
	)
}
