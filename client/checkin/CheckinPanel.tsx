import { useEffect, useId, useRef, useState } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { isCheckinError, type CheckinError } from '../../shared/model/appendCheckin'
import { localToday } from '../../shared/schema/dateString'
import type { PlanMilestone } from '../../shared/schema/planSchema'
import { lockNotice } from '../facilitate/lockNotice'
import { focusShape } from '../room/focusShape'
import { useLivePlan } from '../plan/useLivePlan'
import type { RoomSession } from '../room/RoomSession'
import { formatDate } from '../shapes/formatDate'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import { RagTrail } from '../shapes/RagTrail'
import { CheckinReportButtons } from './CheckinReportButtons'
import { RagChoice, type CheckinRag } from './RagChoice'
import { recordCheckin } from './recordCheckin'
import './checkin.css'

/**
 * Monthly check-in mode: the facilitator steps through the milestones in plan order; each one is
 * selected and brought into view on the canvas, and gets a red/amber/green status, one learning or
 * next step and a date (today unless changed), appended to its check-ins for everyone.
 */
export function CheckinPanel({ editor }: { editor: Editor; session: RoomSession }) {
	const plan = useLivePlan(editor)
	const milestones = plan.milestones
	const readonly = useValue('readonly', () => editor.getIsReadonly(), [editor])
	const [currentId, setCurrentId] = useState<string | null>(() => {
		const selected = editor.getOnlySelectedShape()
		return selected?.type === 'milestone' ? selected.id : null
	})
	const [lastIndex, setLastIndex] = useState(0)
	const [date, setDate] = useState(() => localToday())
	const [rag, setRag] = useState<CheckinRag | null>(null)
	const [note, setNote] = useState('')
	const [problem, setProblem] = useState<CheckinError | null>(null)
	const [status, setStatus] = useState('')
	const ids = { date: useId(), note: useId(), heading: useId() }

	const found = milestones.findIndex((m) => m.id === currentId)
	// The current milestone was deleted (or none chosen yet): stay at the same place in the list.
	const index = found >= 0 ? found : Math.min(lastIndex, Math.max(0, milestones.length - 1))
	const current: PlanMilestone | undefined = milestones[index]

	// A locked milestone (or one in a locked stage) cannot take a check-in until unlocked.
	const locked = useValue(
		'check-in lock',
		() => (current ? lockNotice(editor, current.id as TLShapeId, 'milestone') : null),
		[editor, current?.id]
	)

	const focused = useRef<string | null>(null)
	useEffect(() => {
		if (!current || focused.current === current.id) return
		focused.current = current.id
		focusShape(editor, current.id)
	}, [editor, current])

	const goTo = (next: number) => {
		const target = milestones[next]
		if (!target) return
		setCurrentId(target.id)
		setLastIndex(next)
		setRag(null)
		setNote('')
		setProblem(null)
	}

	if (!current) {
		return (
			<div className="dm-checkin-panel">
				<h2 className="dm-checkin-title">Monthly check-in</h2>
				<p className="dm-sidebar-empty">
					There are no milestones on the map yet. Add milestones (M), then come back here to run the
					monthly check-in.
				</p>
			</div>
		)
	}

	const stage = plan.stages.find((s) => s.id === current.stage)?.name ?? 'Outside any stage'
	const latest = current.checkins[current.checkins.length - 1]
	const replaces = current.checkins.some((c) => c.date === date)
	// A check-in dated before the newest one goes before it in the trail: the newest still sets
	// the milestone's RAG, so recording this one does not change it (people expected it to).
	// (The plan lists check-ins oldest first: the latest is the newest.)
	const newestDate = latest?.date ?? ''
	const backDated = !replaces && date !== '' && newestDate !== '' && date < newestDate
	const doneOnDate = milestones.filter((m) => m.checkins.some((c) => c.date === date)).length
	const record = () => {
		try {
			recordCheckin(editor, current.id, { date, rag: rag ?? '', note })
			const name = current.title || 'Untitled milestone'
			setProblem(null)
			if (index < milestones.length - 1) {
				setStatus(`Recorded ${ragLabels[rag ?? 'none'].toLowerCase()} for “${name}”. Next one.`)
				goTo(index + 1)
			} else {
				setStatus(
					`Recorded ${ragLabels[rag ?? 'none'].toLowerCase()} for “${name}”. That was the last milestone.`
				)
				setRag(null)
				setNote('')
			}
		} catch (error) {
			if (isCheckinError(error)) setProblem(error)
			else throw error
		}
	}

	return (
		<div className="dm-checkin-panel">
			<h2 className="dm-checkin-title">Monthly check-in</h2>
			<nav className="dm-checkin-nav" aria-label="Milestones">
				<button
					type="button"
					className="dm-button"
					disabled={index === 0}
					onClick={() => goTo(index - 1)}
				>
					← Previous
				</button>
				<span className="dm-checkin-progress" data-testid="checkin-progress" aria-live="polite">
					{index + 1} of {milestones.length}
				</span>
				<button
					type="button"
					className="dm-button"
					disabled={index === milestones.length - 1}
					onClick={() => goTo(index + 1)}
				>
					Next →
				</button>
			</nav>
			<progress
				className="dm-checkin-bar"
				max={milestones.length}
				value={index + 1}
				aria-hidden="true"
			/>
			<p className="dm-hint" data-testid="checkin-done-count">
				{doneOnDate} of {milestones.length} checked in on {formatDate(date) || 'this date'}
			</p>

			<section className="dm-checkin-card" aria-labelledby={ids.heading} data-rag={current.rag}>
				<p className="dm-checkin-stage">{stage}</p>
				<h3 id={ids.heading} className="dm-checkin-name">
					<button
						type="button"
						className="dm-checkin-show"
						title="Show on the map"
						onClick={() => focusShape(editor, current.id)}
					>
						{current.title || 'Untitled milestone'}
					</button>
				</h3>
				<dl className="dm-checkin-facts">
					<dt>Owner</dt>
					<dd>{current.owner || 'not set'}</dd>
					<dt>Unblocker</dt>
					<dd>{current.unblocker || 'not set'}</dd>
					<dt>Due</dt>
					<dd>{current.due === '' ? 'not set' : formatDate(current.due)}</dd>
					<dt>Status</dt>
					<dd>{milestoneStatusLabels[current.status]}</dd>
				</dl>
				<RagTrail checkins={current.checkins} />
				<p className="dm-checkin-last">
					{latest
						? `Last time (${latest.date === '' ? 'undated' : formatDate(latest.date)}): ${ragLabels[latest.rag]}${latest.note === '' ? '' : ` · ${latest.note}`}`
						: 'No check-in yet: this is the first.'}
				</p>
			</section>

			<form
				className="dm-checkin-form-panel"
				aria-label="Check-in for this milestone"
				onSubmit={(e) => {
					e.preventDefault()
					record()
				}}
			>
				<RagChoice
					label="How is it going? (RAG)"
					value={rag}
					onChange={setRag}
					invalid={problem?.field === 'rag'}
				/>
				<label htmlFor={ids.note}>One learning or next step</label>
				<textarea
					id={ids.note}
					rows={3}
					placeholder="What did we learn, or what happens next?"
					value={note}
					aria-invalid={problem?.field === 'note' ? 'true' : undefined}
					onChange={(e) => setNote(e.currentTarget.value)}
				/>
				<label htmlFor={ids.date}>Check-in date</label>
				<input
					id={ids.date}
					type="date"
					value={date}
					max={localToday()}
					aria-invalid={problem?.field === 'date' ? 'true' : undefined}
					onChange={(e) => setDate(e.currentTarget.value)}
				/>
				{backDated ? (
					<p className="dm-hint" data-testid="checkin-back-dated">
						A later check-in ({formatDate(newestDate)}) is already recorded: this one goes before
						it, and the milestone’s RAG stays {ragLabels[current.rag].toLowerCase()}.
					</p>
				) : null}
				{replaces ? (
					<p className="dm-hint">
						This milestone already has a check-in on {formatDate(date)}; recording replaces it.
					</p>
				) : null}
				{locked && !problem ? (
					<p className="dm-problem" data-testid="checkin-locked">
						{locked} Unlock it in the Facilitate tab to record a check-in.
					</p>
				) : null}
				{problem ? (
					<p className="dm-problem" role="alert">
						{problem.message}
					</p>
				) : null}
				<button
					type="submit"
					className="dm-button dm-primary"
					disabled={readonly || locked !== null}
				>
					Record check-in
				</button>
				<p className="dm-hint" role="status">
					{status}
				</p>
			</form>

			<CheckinReportButtons plan={plan} editor={editor} />
		</div>
	)
}
