import { useId, useState } from 'react'
import { appendCheckin, isCheckinError, type CheckinError } from '../../shared/model/appendCheckin'
import { localToday } from '../../shared/schema/dateString'
import type { Checkin } from '../../shared/schema/milestoneProps'
import { defaultPropsOf } from '../../shared/schema/typedShapes'
import { RagChoice, type CheckinRag } from '../checkin/RagChoice'
import { formatDate } from '../shapes/formatDate'
import { ragLabels } from '../shapes/MilestoneShapeUtil'
import './checkinsEditor.css'

interface CheckinsEditorProps {
	checkins: Checkin[]
	onChange: (checkins: Checkin[]) => void
	onFocus: () => void
}

/**
 * The monthly check-ins of the selected milestone, oldest first, and a form to record one more.
 * Recording goes through shared's `appendCheckin` (the same rules as check-in mode: a real date not
 * after today, green/amber/red, one check-in per day, kept in date order); the caller sets the
 * milestone's RAG to the newest check-in's.
 */
export function CheckinsEditor({ checkins, onChange, onFocus }: CheckinsEditorProps) {
	const [date, setDate] = useState(() => localToday())
	const [rag, setRag] = useState<CheckinRag | null>(null)
	const [note, setNote] = useState('')
	const [problem, setProblem] = useState<CheckinError | null>(null)
	const dateId = useId()
	const noteId = useId()

	const record = () => {
		onFocus()
		try {
			// appendCheckin works on a milestone's props; only its check-ins are used here.
			const next = appendCheckin(
				{ ...defaultPropsOf('milestone'), checkins },
				{ date, rag: rag ?? '', note },
				localToday()
			)
			onChange(next.checkins)
			setProblem(null)
			setNote('')
			setRag(null)
		} catch (error) {
			if (isCheckinError(error)) setProblem(error)
			else throw error
		}
	}

	return (
		<fieldset className="dm-checkins">
			<legend>Monthly check-ins</legend>
			{checkins.length === 0 ? (
				<p className="dm-hint">No check-ins yet.</p>
			) : (
				<ol className="dm-checkin-list">
					{checkins.map((checkin, index) => (
						<li className="dm-checkin-entry" key={index} data-rag={checkin.rag}>
							<span className="dm-checkin-head">
								<span className="dm-checkin-dot" aria-hidden="true" />
								<span>
									{checkin.date === '' ? 'Undated' : formatDate(checkin.date)} ·{' '}
									{ragLabels[checkin.rag]}
								</span>
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
							</span>
							{checkin.note === '' ? null : <span className="dm-checkin-note">{checkin.note}</span>}
						</li>
					))}
				</ol>
			)}
			<div className="dm-checkin-form" role="group" aria-label="New check-in">
				<label htmlFor={dateId}>Check-in date</label>
				<input
					id={dateId}
					type="date"
					value={date}
					max={localToday()}
					aria-invalid={problem?.field === 'date' ? 'true' : undefined}
					onChange={(e) => setDate(e.currentTarget.value)}
				/>
				<RagChoice
					label="Check-in RAG"
					value={rag}
					onChange={setRag}
					invalid={problem?.field === 'rag'}
				/>
				<label htmlFor={noteId}>Learning or next step</label>
				<textarea
					id={noteId}
					rows={2}
					placeholder="One key learning or next step"
					value={note}
					aria-invalid={problem?.field === 'note' ? 'true' : undefined}
					onChange={(e) => setNote(e.currentTarget.value)}
				/>
				{problem ? (
					<p className="dm-problem" role="alert">
						{problem.message}
					</p>
				) : null}
				<button type="button" className="dm-button" onClick={record}>
					Record check-in
				</button>
			</div>
		</fieldset>
	)
}
