import { useState } from 'react'
import { useValue } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'
import { relayClockOffset } from './relayClock'
import { formatCountdown, remainingOf, sharedTimerOf, spokenDuration } from './SharedTimer'
import { useNow } from './useNow'

/** The last half-minute is shown in amber, so the room sees the end coming. */
const ENDING_MS = 30_000

/**
 * The room's countdown on the canvas, for everyone in the room (view links and late joiners too),
 * plus a polite live region that tells screen-reader users when the timer starts, pauses, is reset,
 * has one minute left and when time is up (each once, never every second).
 */
export function TimerBadge({ session }: { session: RoomSession }) {
	const timer = sharedTimerOf(session.doc)
	const state = useValue(timer.state)
	const offset = useValue(relayClockOffset)
	const now = useNow(state?.status === 'running') + offset
	const remaining = state ? remainingOf(state, now) : 0
	const done = state?.status === 'running' && remaining <= 0
	const status = done ? 'done' : (state?.status ?? 'none')
	// A finished timer stays up for the room until the facilitator hides or restarts it; anyone
	// may hide it on their own screen (a view link cannot change the room's timer), until the
	// timer is set again.
	const [hiddenTimer, setHiddenTimer] = useState<string | null>(null)
	const timerKey = state ? `${state.startedAt}:${state.durationMs}:${state.remainingMs}` : null
	const hidden = done && hiddenTimer === timerKey

	const announcement = !state
		? ''
		: done
			? 'Time is up.'
			: state.status === 'running'
				? remaining <= 60_000 && state.remainingMs > 60_000
					? 'One minute left.'
					: state.remainingMs === state.durationMs
						? `Timer started for ${spokenDuration(state.durationMs)}.`
						: `Timer resumed with ${spokenDuration(state.remainingMs)} left.`
				: state.status === 'paused'
					? `Timer paused with ${spokenDuration(state.remainingMs)} left.`
					: `Timer set to ${spokenDuration(state.durationMs)}, not started.`

	return (
		<>
			{state && !hidden ? (
				<div
					className="dm-timer"
					data-status={status}
					data-ending={!done && state.status === 'running' && remaining <= ENDING_MS}
					data-testid="shared-timer"
					role="timer"
					aria-label={done ? 'Workshop timer: time is up' : 'Workshop timer'}
				>
					<span className="dm-timer-label">
						{done
							? "Time's up"
							: state.status === 'paused'
								? 'Paused'
								: state.status === 'ready'
									? 'Ready'
									: 'Time left'}
					</span>
					<span className="dm-timer-time" data-testid="shared-timer-time">
						{formatCountdown(remaining)}
					</span>
					{done ? (
						<button
							type="button"
							className="dm-timer-hide"
							aria-label="Hide the timer on this screen"
							title="Hide the timer on this screen"
							onClick={() => setHiddenTimer(timerKey)}
						>
							×
						</button>
					) : null}
				</div>
			) : null}
			<div
				className="dm-visually-hidden"
				role="status"
				aria-live="polite"
				data-testid="timer-status"
			>
				{announcement}
			</div>
		</>
	)
}
