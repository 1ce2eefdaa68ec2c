import { z } from 'zod'

/** A calendar date `YYYY-MM-DD` that exists (no 2027-02-30), or `""` for "not set". */
export const dateStringSchema = z.string().refine(isDateOrEmpty, {
	message: 'expected a date as YYYY-MM-DD, or an empty string',
})

export type DateString = z.infer<typeof dateStringSchema>

export function isDateOrEmpty(value: string): boolean {
	return value === '' || isCalendarDate(value)
}

export function isCalendarDate(value: string): boolean {
	// Read digit by digit: this runs for every date of every map on every extraction.
	if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false
	const year = digits(value, 0, 4)
	const month = digits(value, 5, 7)
	const day = digits(value, 8, 10)
	if (year < 0 || month < 1 || month > 12 || day < 1) return false
	if (day <= 28) return true
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
	return day <= daysInMonth
}

/** The number written by the ASCII digits value[from..to), or -1 if any is not a digit. */
function digits(value: string, from: number, to: number): number {
	let n = 0
	for (let i = from; i < to; i++) {
		const d = value.charCodeAt(i) - 48
		if (d < 0 || d > 9) return -1
		n = n * 10 + d
	}
	return n
}

/** Adds whole days to a valid `YYYY-MM-DD` date (UTC calendar arithmetic). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number)
	const t = new Date(Date.UTC(y!, m! - 1, d! + days))
	return t.toISOString().slice(0, 10)
}

/** Today's date in the local time zone as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
	const y = String(now.getFullYear()).padStart(4, '0')
	const m = String(now.getMonth() + 1).padStart(2, '0')
	const d = String(now.getDate()).padStart(2, '0')
	return `${y}-${m}-${d}`
}
