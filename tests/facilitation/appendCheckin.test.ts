import { describe, expect, it } from 'vitest'
import { appendCheckin, CheckinError, isCheckinError } from '../../shared/model/appendCheckin'
import { extractPlan } from '../../shared/model/extractPlan'
import { defaultPropsOf } from '../../shared/schema/typedShapes'
import type { Checkin, MilestoneProps } from '../../shared/schema/milestoneProps'
import { frame, milestone, page } from '../helpers/mapBuilder'

const TODAY = '2026-11-27'

function propsWith(checkins: Checkin[], rag: MilestoneProps['rag'] = 'none'): MilestoneProps {
	return { ...defaultPropsOf('milestone'), title: 'Homes surveyed', checkins, rag }
}

/** The error `fn` throws, which must be a CheckinError. */
function errorOf(fn: () => unknown): CheckinError {
	try {
		fn()
	} catch (error) {
		expect(isCheckinError(error)).toBe(true)
		return error as CheckinError
	}
	throw new Error('expected a CheckinError, nothing was thrown')
}

describe('appendCheckin', () => {
	it('appends a check-in dated today by default and makes its RAG the milestone RAG', () => {
		const before = propsWith([{ date: '2026-10-30', rag: 'green', note: 'On track' }], 'green')
		const after = appendCheckin(before, { rag: 'amber', note: '  Survey slow  ' }, TODAY)
		expect(after.checkins).toEqual([
			{ date: '2026-10-30', rag: 'green', note: 'On track' },
			{ date: TODAY, rag: 'amber', note: 'Survey slow' },
		])
		expect(after.rag).toBe('amber')
		expect(after.title).toBe('Homes surveyed')
	})

	it('treats a blank date as today', () => {
		const after = appendCheckin(propsWith([]), { date: ' ', rag: 'red', note: '' }, TODAY)
		expect(after.checkins).toEqual([{ date: TODAY, rag: 'red', note: '' }])
	})

	it('never changes the props it was given', () => {
		const before = propsWith([{ date: '2026-10-30', rag: 'green', note: 'On track' }], 'green')
		const copy = structuredClone(before)
		appendCheckin(before, { rag: 'red', note: 'Stalled' }, TODAY)
		expect(before).toEqual(copy)
	})

	it('inserts a back-dated check-in by date and keeps the newest RAG as the milestone RAG', () => {
		const before = propsWith(
			[
				{ date: '2026-09-25', rag: 'green', note: 'Start' },
				{ date: '2026-11-20', rag: 'red', note: 'Stalled' },
			],
			'red'
		)
		const after = appendCheckin(before, { date: '2026-10-28', rag: 'amber', note: 'Late' }, TODAY)
		expect(after.checkins.map((c) => c.date)).toEqual(['2026-09-25', '2026-10-28', '2026-11-20'])
		expect(after.rag).toBe('red')
	})

	it('replaces the check-in of the same date instead of adding a second one', () => {
		const before = propsWith(
			[
				{ date: '2026-10-30', rag: 'green', note: 'On track' },
				{ date: TODAY, rag: 'red', note: 'Typo: meant amber' },
			],
			'red'
		)
		const after = appendCheckin(before, { date: TODAY, rag: 'amber', note: 'Survey slow' }, TODAY)
		expect(after.checkins).toEqual([
			{ date: '2026-10-30', rag: 'green', note: 'On track' },
			{ date: TODAY, rag: 'amber', note: 'Survey slow' },
		])
		expect(after.rag).toBe('amber')
	})

	it('sorts check-ins that were out of order, keeping undated ones first, as extraction does', () => {
		const before = propsWith([
			{ date: '2026-10-30', rag: 'green', note: 'b' },
			{ date: '', rag: 'amber', note: 'undated' },
			{ date: '2026-09-30', rag: 'red', note: 'a' },
		])
		const after = appendCheckin(before, { rag: 'green', note: 'c' }, TODAY)
		expect(after.checkins.map((c) => c.note)).toEqual(['undated', 'a', 'b', 'c'])
	})

	it('gives a plan in which the new check-in is the latest and no check-in was reordered', () => {
		const props = appendCheckin(
			propsWith([{ date: '2026-10-30', rag: 'green', note: 'On track' }], 'green'),
			{ rag: 'red', note: 'Contract stuck' },
			TODAY
		)
		const plan = extractPlan(
			[page, frame('shape:s', 'Discover', 0), milestone('shape:m', 'shape:s', 10, 10, props)],
			{ today: TODAY }
		)
		expect(plan.milestones[0]?.rag).toBe('red')
		expect(plan.milestones[0]?.checkins.at(-1)).toEqual({
			date: TODAY,
			rag: 'red',
			note: 'Contract stuck',
		})
		const codes = plan.diagnostics.map((d) => d.code)
		expect(codes).not.toContain('checkins-reordered')
		expect(codes).not.toContain('rag-from-checkin')
	})

	it('refuses an impossible or badly written date with a message naming it, and changes nothing', () => {
		for (const date of ['2026-02-30', '27/11/2026', '2026-1-5', 'yesterday']) {
			const error = errorOf(() =>
				appendCheckin(propsWith([]), { date, rag: 'green', note: '' }, TODAY)
			)
			expect(error.code).toBe('checkin-date-invalid')
			expect(error.field).toBe('date')
			expect(error.message).toContain(`"${date}" is not a real date`)
			expect(error.message).toContain('YYYY-MM-DD')
			expect(error.message).toContain('Nothing was changed.')
		}
	})

	it('refuses a date after today', () => {
		const error = errorOf(() =>
			appendCheckin(propsWith([]), { date: '2026-11-28', rag: 'green', note: '' }, TODAY)
		)
		expect(error.code).toBe('checkin-date-future')
		expect(error.message).toContain('2026-11-28 is after today (2026-11-27)')
	})

	it('refuses a RAG that is not green, amber or red, including "not set"', () => {
		const unknown = errorOf(() => appendCheckin(propsWith([]), { rag: 'purple', note: '' }, TODAY))
		expect(unknown.code).toBe('checkin-rag-invalid')
		expect(unknown.field).toBe('rag')
		expect(unknown.message).toBe(
			'"purple" is not a RAG status. Choose Green, Amber or Red. Nothing was changed.'
		)
		const none = errorOf(() => appendCheckin(propsWith([]), { rag: 'none', note: '' }, TODAY))
		expect(none.code).toBe('checkin-rag-invalid')
		expect(none.message).toContain('Choose Green, Amber or Red')
		const capital = errorOf(() => appendCheckin(propsWith([]), { rag: 'Green', note: '' }, TODAY))
		expect(capital.code).toBe('checkin-rag-invalid')
	})

	it('refuses a note that is not text or is longer than the model keeps', () => {
		const notText = errorOf(() =>
			appendCheckin(propsWith([]), { rag: 'green', note: 42 as unknown as string }, TODAY)
		)
		expect(notText.code).toBe('checkin-note-invalid')
		const long = errorOf(() =>
			appendCheckin(propsWith([]), { rag: 'green', note: 'x'.repeat(10_001) }, TODAY)
		)
		expect(long.code).toBe('checkin-note-invalid')
		expect(long.message).toContain('10,001 characters')
	})

	it('refuses an invalid today and unreadable earlier check-ins rather than losing them', () => {
		expect(errorOf(() => appendCheckin(propsWith([]), { rag: 'green', note: '' }, '')).code).toBe(
			'checkin-today-invalid'
		)
		const broken = { ...propsWith([]), checkins: 'lost?' } as unknown as MilestoneProps
		expect(errorOf(() => appendCheckin(broken, { rag: 'green', note: '' }, TODAY)).code).toBe(
			'checkins-unreadable'
		)
	})

	it('throws an Error subclass the UI can tell apart by name and code', () => {
		const error = errorOf(() => appendCheckin(propsWith([]), { rag: 'x', note: '' }, TODAY))
		expect(error).toBeInstanceOf(Error)
		expect(error).toBeInstanceOf(CheckinError)
		expect(error.name).toBe('CheckinError')
	})
})
