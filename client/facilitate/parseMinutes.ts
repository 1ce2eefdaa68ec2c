import { MAX_TIMER_MS } from './SharedTimer'

/** Reads "7", "2.5" or "1:30" (minutes, or minutes:seconds) as milliseconds; null if unreadable. */
export function parseMinutes(text: string): number | null {
	const value = text.trim()
	const clock = /^(\d{1,4}):([0-5]\d)$/.exec(value)
	const ms = clock
		? (Number(clock[1]) * 60 + Number(clock[2])) * 1000
		: /^\d{1,4}([.,]\d+)?$/.test(value)
			? Number(value.replace(',', '.')) * 60_000
			: NaN
	return Number.isFinite(ms) && ms >= 1000 && ms <= MAX_TIMER_MS ? ms : null
}
