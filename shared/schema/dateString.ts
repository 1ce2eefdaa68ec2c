import { z } from 'zod'

/** A calendar date `YYYY-MM-DD` that exists (no 2027-02-30), or `""` for "not set". */
export const dateStringSchema = z.string().refine(isDateOrEmpty, {
	message: 'expected a date as YYYY-MM-DD, or an empty string',
})

export type DateString = z.infer<typeof dateStringSchema>

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export function isDateOrEmpty(value: string): boolean {
	return value === '' || isCalendarDate(value)
}

export function isCalendarDate(value: string): boolean {
	const m = DATE_RE.exec(value)
	if (!m) return false
	const year = Number(m[1])
	const month = Number(m[2])
	const day = Number(m[3])
	if (month < 1 || month > 12 || day < 1) return false
	if (day <= 28) return true
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
	return day <= daysInMonth
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
