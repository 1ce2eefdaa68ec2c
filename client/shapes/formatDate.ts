const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `2026-03-05` -> `5 Mar 2026`; anything else (including `""`) is returned as is. */
export function formatDate(date: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
	if (!m) return date
	const month = MONTHS[Number(m[2]) - 1]
	if (!month) return date
	return `${Number(m[3])} ${month} ${m[1]}`
}
