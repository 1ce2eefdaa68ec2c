import { isCalendarDate } from '../schema/dateString'
import {
	checkinSchema,
	ragSchema,
	type Checkin,
	type MilestoneProps,
} from '../schema/milestoneProps'
import { MAX_TEXT_LENGTH } from './maxTextLength'

/** What a check-in the facilitator enters may get wrong; the UI can key on it. */
export type CheckinErrorCode =
	| 'checkin-date-invalid'
	| 'checkin-date-future'
	| 'checkin-rag-invalid'
	| 'checkin-note-invalid'
	| 'checkin-today-invalid'
	| 'checkins-unreadable'
	/** The milestone is locked on the canvas (the app's check; appendCheckin never says it). */
	| 'checkin-locked'

/**
 * A check-in that cannot be recorded. `message` is written for the person entering it (what was
 * wrong, that nothing changed, what to do); `field` says which input to point at.
 */
export class CheckinError extends Error {
	override readonly name = 'CheckinError'
	constructor(
		readonly code: CheckinErrorCode,
		readonly field: 'date' | 'rag' | 'note' | 'today' | 'checkins',
		message: string
	) {
		super(message)
	}
}

export function isCheckinError(error: unknown): error is CheckinError {
	return error instanceof CheckinError
}

/** The RAG values a check-in may record: a check-in is a choice, so "not set" is refused. */
export const CHECKIN_RAGS = ['green', 'amber', 'red'] as const

export interface NewCheckin {
	/** `YYYY-MM-DD`; missing or blank means `today`. */
	date?: string
	/** `green`, `amber` or `red` (checked at run time: it may come straight from a form). */
	rag: string
	note: string
}

const UNCHANGED = 'Nothing was changed.'

/**
 * The milestone's props with one more check-in (monthly check-in mode, issue 5). Pure: returns a
 * new object and never changes `props`.
 *
 * - The check-in is validated with the shared `checkinSchema`; a bad date, RAG or note throws a
 *   `CheckinError` with a message for the user, and nothing changes. The date may not be after
 *   `today`, and the RAG must be green, amber or red (recording "not set" would wipe the status).
 * - Check-ins stay oldest first: the new one goes after every check-in dated on or before it
 *   (check-ins that were out of order are first sorted by date, as extraction does, SPEC R7).
 * - A check-in on a date that already has one REPLACES that entry (the latest of them, should
 *   older data hold several): one check-in per milestone per day, so correcting a mistake made
 *   earlier the same day does not leave two conflicting statuses for one date.
 * - `rag` becomes the newest check-in's RAG (SPEC R7), which is the new one unless a later-dated
 *   check-in already exists.
 * - The note is trimmed; it may be empty (the UI should ask for one learning or next step).
 */
export function appendCheckin(
	props: MilestoneProps,
	checkin: NewCheckin,
	today: string
): MilestoneProps {
	if (typeof today !== 'string' || !isCalendarDate(today)) {
		throw new CheckinError(
			'checkin-today-invalid',
			'today',
			`Today's date "${String(today)}" is not a date as YYYY-MM-DD. ${UNCHANGED}`
		)
	}
	const entry = validCheckin(checkin, today)
	if (!Array.isArray(props.checkins)) {
		throw new CheckinError(
			'checkins-unreadable',
			'checkins',
			`This milestone's earlier check-ins could not be read, so a new one was not added (it could hide them). ${UNCHANGED}`
		)
	}

	const sorted = props.checkins
		.map((c, i) => ({ c, i }))
		.sort((a, b) => (a.c.date < b.c.date ? -1 : a.c.date > b.c.date ? 1 : a.i - b.i))
		.map((x) => ({ ...x.c }))
	let sameDay = -1
	let insertAt = 0
	for (let i = 0; i < sorted.length; i++) {
		const date = sorted[i]!.date
		if (date === entry.date) sameDay = i
		if (date <= entry.date) insertAt = i + 1
	}
	if (sameDay >= 0) sorted[sameDay] = entry
	else sorted.splice(insertAt, 0, entry)
	const newest = sorted[sorted.length - 1]!
	return { ...props, checkins: sorted, rag: newest.rag }
}

function validCheckin(checkin: NewCheckin, today: string): Checkin {
	if (typeof checkin !== 'object' || checkin === null) {
		throw new CheckinError('checkin-rag-invalid', 'rag', `Choose Green, Amber or Red. ${UNCHANGED}`)
	}
	const rawDate = checkin.date
	const date =
		rawDate === undefined || (typeof rawDate === 'string' && rawDate.trim() === '')
			? today
			: rawDate
	const parsed = checkinSchema.safeParse({
		date: typeof date === 'string' ? date.trim() : date,
		rag: checkin.rag,
		note: typeof checkin.note === 'string' ? checkin.note.trim() : checkin.note,
	})
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path[0]
		if (field === 'date') {
			throw new CheckinError(
				'checkin-date-invalid',
				'date',
				`"${String(date)}" is not a real date. Enter the check-in date as YYYY-MM-DD, for example ${today}. ${UNCHANGED}`
			)
		}
		if (field === 'rag') throw ragError(checkin.rag)
		throw new CheckinError(
			'checkin-note-invalid',
			'note',
			`The learning or next step must be text. ${UNCHANGED}`
		)
	}
	const entry = parsed.data
	if (!(CHECKIN_RAGS as readonly string[]).includes(entry.rag)) throw ragError(checkin.rag)
	if (entry.date > today) {
		throw new CheckinError(
			'checkin-date-future',
			'date',
			`The check-in date ${entry.date} is after today (${today}); a check-in records what has happened. ${UNCHANGED}`
		)
	}
	if (entry.note.length > MAX_TEXT_LENGTH) {
		throw new CheckinError(
			'checkin-note-invalid',
			'note',
			`The note is ${entry.note.length.toLocaleString('en-GB')} characters long; keep it under ${MAX_TEXT_LENGTH.toLocaleString('en-GB')} (one learning or next step). ${UNCHANGED}`
		)
	}
	return entry
}

function ragError(rag: unknown): CheckinError {
	const shown = typeof rag === 'string' ? `"${rag}"` : String(rag)
	const hint = ragSchema.safeParse(rag).success
		? 'A check-in must say how the milestone is going.'
		: `${shown} is not a RAG status.`
	return new CheckinError(
		'checkin-rag-invalid',
		'rag',
		`${hint} Choose Green, Amber or Red. ${UNCHANGED}`
	)
}
