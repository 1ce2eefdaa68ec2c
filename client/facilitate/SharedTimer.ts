import { atom, type Atom } from 'tldraw'
import * as Y from 'yjs'
import { z } from 'zod'
import { relayNow } from './relayClock'

/** The Y.Doc map that holds workshop state which is not part of the drawing (ARCHITECTURE.md). */
export const FACILITATION_MAP = 'facilitation'
const TIMER_KEY = 'timer'
const FACILITATION_ORIGIN = Symbol('delivery-map:facilitation')

export const MAX_TIMER_MS = 24 * 60 * 60 * 1000

/**
 * The shared countdown, as stored in `doc.getMap('facilitation').get('timer')` (one plain JSON
 * value, replaced whole, so two facilitators clicking at once give one of the two states, never a
 * mix). While running, the time left is `remainingMs - (relay now - startedAt)`; `startedAt` is on
 * the relay's clock, so machines whose clocks disagree still agree on the time left. Paused and
 * ready timers store the time left itself and need no clock at all.
 */
export const timerStateSchema = z.object({
	status: z.enum(['ready', 'running', 'paused']),
	durationMs: z.number().int().min(1000).max(MAX_TIMER_MS),
	remainingMs: z.number().min(0).max(MAX_TIMER_MS),
	startedAt: z.number().nullable(),
	by: z.string().max(200),
})
export type TimerState = z.infer<typeof timerStateSchema>

/** The time left (ms, never below 0) of a timer at relay time `now`. */
export function remainingOf(timer: TimerState, now: number): number {
	if (timer.status !== 'running' || timer.startedAt === null) return timer.remainingMs
	return Math.max(0, timer.remainingMs - Math.max(0, now - timer.startedAt))
}

/**
 * The room's countdown timer, read by everyone (view links too) and set by edit links. Anything
 * in the doc that does not read as a timer is shown as no timer and left alone until replaced.
 */
export class SharedTimer {
	readonly state: Atom<TimerState | null>
	/** Why the stored value was not shown, when it was not (a newer client's format, say). */
	readonly problem: Atom<string | null>
	private readonly map: Y.Map<unknown>

	constructor(private readonly doc: Y.Doc) {
		this.map = doc.getMap(FACILITATION_MAP)
		this.state = atom('shared timer', null)
		this.problem = atom('shared timer problem', null)
		this.read()
		this.map.observe((event) => {
			if (event.keysChanged.has(TIMER_KEY)) this.read()
		})
	}

	/** Time left now, on this machine's best knowledge of the relay's clock. */
	remaining(now = relayNow()): number | null {
		const timer = this.state.get()
		return timer ? remainingOf(timer, now) : null
	}

	start(durationMs: number, by: string) {
		const duration = clampDuration(durationMs)
		this.write({
			status: 'running',
			durationMs: duration,
			remainingMs: duration,
			startedAt: relayNow(),
			by,
		})
	}

	pause(by: string) {
		const timer = this.state.get()
		if (!timer || timer.status !== 'running') return
		this.write({
			...timer,
			status: 'paused',
			remainingMs: remainingOf(timer, relayNow()),
			startedAt: null,
			by,
		})
	}

	resume(by: string) {
		const timer = this.state.get()
		if (!timer || timer.status === 'running' || timer.remainingMs <= 0) return
		this.write({ ...timer, status: 'running', startedAt: relayNow(), by })
	}

	/** Back to the full duration, stopped; everyone still sees it, ready to start again. */
	reset(by: string) {
		const timer = this.state.get()
		if (!timer) return
		this.write({ ...timer, status: 'ready', remainingMs: timer.durationMs, startedAt: null, by })
	}

	/** Takes the timer off everyone's canvas. */
	clear() {
		this.doc.transact(() => this.map.delete(TIMER_KEY), FACILITATION_ORIGIN)
	}

	private write(timer: TimerState) {
		this.doc.transact(() => this.map.set(TIMER_KEY, timer), FACILITATION_ORIGIN)
	}

	private read() {
		const value = this.map.get(TIMER_KEY)
		if (value === undefined) {
			this.state.set(null)
			this.problem.set(null)
			return
		}
		const parsed = timerStateSchema.safeParse(
			value instanceof Y.AbstractType ? value.toJSON() : value
		)
		this.state.set(parsed.success ? parsed.data : null)
		this.problem.set(
			parsed.success ? null : 'The shared timer was set by another version of Delivery Map.'
		)
	}
}

function clampDuration(ms: number): number {
	if (!Number.isFinite(ms)) throw new RangeError('The timer needs a duration in minutes.')
	return Math.min(MAX_TIMER_MS, Math.max(1000, Math.round(ms / 1000) * 1000))
}

const timers = new WeakMap<Y.Doc, SharedTimer>()

/** The one timer of a room's doc (every component of the page shares it). */
export function sharedTimerOf(doc: Y.Doc): SharedTimer {
	let timer = timers.get(doc)
	if (!timer) {
		timer = new SharedTimer(doc)
		timers.set(doc, timer)
	}
	return timer
}

/** "4:05", "12:00", "1:02:03": the time left as a countdown shows it (rounded up to the second). */
export function formatCountdown(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000)
	const hours = Math.floor(total / 3600)
	const minutes = Math.floor((total % 3600) / 60)
	const seconds = total % 60
	const ss = String(seconds).padStart(2, '0')
	return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`
}

/** "2 minutes 5 seconds": the time left as a screen reader should say it. */
export function spokenDuration(ms: number): string {
	const total = Math.ceil(Math.max(0, ms) / 1000)
	const minutes = Math.floor(total / 60)
	const seconds = total % 60
	const parts: string[] = []
	if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`)
	if (seconds > 0 || minutes === 0) parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`)
	return parts.join(' ')
}
