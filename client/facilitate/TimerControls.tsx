import { useId, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'
import { relayClockOffset } from './relayClock'
import { formatCountdown, MAX_TIMER_MS, remainingOf, sharedTimerOf } from './SharedTimer'
import { parseMinutes } from './parseMinutes'
import { useNow } from './useNow'

const PRESET_MINUTES = [1, 3, 5, 10] as const
const MAX_HOURS = MAX_TIMER_MS / 3_600_000

/** The facilitator's side of the shared countdown: pick a duration, start, pause, reset. */
export function TimerControls({ editor, session }: { editor: Editor; session: RoomSession }) {
	const timer = sharedTimerOf(session.doc)
	const state = useValue(timer.state)
	const problem = useValue(timer.problem)
	const offset = useValue(relayClockOffset)
	const now = useNow(state?.status === 'running') + offset
	const [choice, setChoice] = useState<number | 'custom'>(5)
	const [custom, setCustom] = useState('')
	const customId = useId()
	const errorId = useId()

	const customMs = parseMinutes(custom)
	const chosenMs = choice === 'custom' ? customMs : choice * 60_000
	const customError =
		choice === 'custom' && custom.trim() !== '' && customMs === null
			? `Enter minutes between 1 second and ${MAX_HOURS} hours, like 7 or 2:30.`
			: null
	const remaining = state ? remainingOf(state, now) : null
	const running = state?.status === 'running' && remaining !== null && remaining > 0
	const by = () => editor.user.getName() || 'The facilitator'

	return (
		<section className="dm-fac-section" aria-labelledby="dm-fac-timer-heading">
			<h3 id="dm-fac-timer-heading">Timer</h3>
			<p className="dm-fac-hint">A countdown everyone in the room sees on the canvas.</p>
			<div className="dm-fac-presets" role="group" aria-label="Duration">
				{PRESET_MINUTES.map((minutes) => (
					<button
						key={minutes}
						type="button"
						className="dm-fac-chip"
						aria-pressed={choice === minutes}
						onClick={() => setChoice(minutes)}
					>
						{minutes} min
					</button>
				))}
				<button
					type="button"
					className="dm-fac-chip"
					aria-pressed={choice === 'custom'}
					onClick={() => setChoice('custom')}
				>
					Custom
				</button>
			</div>
			{choice === 'custom' ? (
				<div className="dm-fac-custom">
					<label htmlFor={customId}>Minutes</label>
					<input
						id={customId}
						type="text"
						inputMode="decimal"
						placeholder="e.g. 7 or 2:30"
						value={custom}
						aria-invalid={customError !== null}
						aria-describedby={customError ? errorId : undefined}
						onChange={(event) => setCustom(event.target.value)}
					/>
					{customError ? (
						<p id={errorId} className="dm-fac-error">
							{customError}
						</p>
					) : null}
				</div>
			) : null}
			<div className="dm-fac-actions">
				<button
					type="button"
					className="dm-fac-button dm-fac-primary"
					disabled={chosenMs === null}
					onClick={() => chosenMs !== null && timer.start(chosenMs, by())}
				>
					{state ? 'Start again' : 'Start'}
					{chosenMs !== null ? ` (${formatCountdown(chosenMs)})` : ''}
				</button>
				{running ? (
					<button type="button" className="dm-fac-button" onClick={() => timer.pause(by())}>
						Pause
					</button>
				) : null}
				{state && state.status !== 'running' ? (
					<button type="button" className="dm-fac-button" onClick={() => timer.resume(by())}>
						{state.status === 'ready' ? 'Start' : 'Resume'} ({formatCountdown(state.remainingMs)})
					</button>
				) : null}
				{state ? (
					<button type="button" className="dm-fac-button" onClick={() => timer.reset(by())}>
						Reset
					</button>
				) : null}
				{state ? (
					<button type="button" className="dm-fac-button" onClick={() => timer.clear()}>
						Hide
					</button>
				) : null}
			</div>
			<p className="dm-fac-state" data-testid="timer-panel-state">
				{describe(state?.status ?? null, remaining, state?.by ?? '')}
			</p>
			{problem ? (
				<p className="dm-fac-error">{problem} Starting a timer here replaces it.</p>
			) : null}
		</section>
	)
}

function describe(
	status: 'ready' | 'running' | 'paused' | null,
	remaining: number | null,
	by: string
): string {
	if (status === null || remaining === null) return 'No timer on the canvas.'
	const who = by ? ` (${by})` : ''
	if (status === 'running') {
		return remaining > 0
			? `Running: ${formatCountdown(remaining)} left${who}.`
			: `Time is up${who}. Reset or hide it.`
	}
	if (status === 'paused') return `Paused at ${formatCountdown(remaining)}${who}.`
	return `Ready at ${formatCountdown(remaining)}${who}; everyone sees it.`
}
