import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { milestoneFieldsOf, newestCheckin } from '../../shared/model/milestoneFieldsOf'
import { frame, milestone, page } from '../helpers/mapBuilder'
import { seededRandom } from '../helpers/seededRandom'

// The outline shows a milestone's fields from its live record (milestoneFieldsOf) until the next
// extraction arrives: the two must always agree, or the row would flicker between two answers.

const fields = ['title', 'outcome', 'owner', 'unblocker', 'due', 'status', 'rag'] as const

function entryOf(props: Record<string, unknown>) {
	const plan = extractPlan(
		[page, frame('shape:f', 'F', 0, 0), milestone('shape:m', 'shape:f', 10, 10, props)],
		{
			today: '2026-11-21',
		}
	)
	const m = plan.milestones[0]!
	return Object.fromEntries(fields.map((k) => [k, m[k]]))
}

describe('milestoneFieldsOf: a milestone row from its record alone', () => {
	it('R7: the newest check-in by date wins; of two on the same date the later one; undated ones are oldest', () => {
		const c = (date: string, rag: string) => ({ date, rag, note: '' })
		expect(newestCheckin([])).toBeUndefined()
		expect(newestCheckin([c('2026-10-01', 'red'), c('2026-09-01', 'green')] as never)?.rag).toBe(
			'red'
		)
		expect(newestCheckin([c('2026-10-01', 'red'), c('2026-10-01', 'amber')] as never)?.rag).toBe(
			'amber'
		)
		expect(newestCheckin([c('2026-10-01', 'red'), c('', 'green')] as never)?.rag).toBe('red')
		expect(newestCheckin([c('', 'red'), c('', 'green')] as never)?.rag).toBe('green')
	})

	it('R5, R7: over-long text is cut and the check-in RAG wins, as in the plan', () => {
		const props = {
			title: 'x'.repeat(12_000),
			rag: 'green',
			checkins: [{ date: '2026-10-01', rag: 'red', note: '' }],
		}
		const live = milestoneFieldsOf('shape:m', milestone('shape:m', 'page:page', 0, 0, props).props)
		expect(live.title).toHaveLength(10_000)
		expect(live.rag).toBe('red')
		expect(live).toEqual(entryOf(props))
	})

	it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
		'seed %i: random and broken props give the same fields as the plan entry',
		(seed) => {
			const random = seededRandom(seed)
			const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
			const dates = ['', '2026-09-01', '2026-10-01', '2026-10-01', '2027-02-30', 'soon', 3]
			const rags = ['none', 'green', 'amber', 'red', 'purple', null]
			const checkins = Array.from({ length: Math.floor(random() * 5) }, () =>
				random() < 0.1
					? pick([null, 'x', 7, []])
					: { date: pick(dates), rag: pick(rags), note: pick(['', 'n', 5]) }
			)
			const props: Record<string, unknown> = {
				title: pick(['Launch', '', 42, null, 'y'.repeat(10_001)]),
				owner: pick(['Ana', '', undefined, {}]),
				unblocker: pick(['Ben', '', false]),
				due: pick(dates),
				status: pick(['not-started', 'in-progress', 'done', 'later']),
				rag: pick(rags),
				checkins: random() < 0.1 ? pick(['none', null, {}]) : checkins,
			}
			for (const key of Object.keys(props)) if (random() < 0.1) delete props[key]
			const record = milestone('shape:m', 'page:page', 0, 0, props)
			for (const key of Object.keys(props)) if (!(key in props)) delete record.props[key as never]
			const live = milestoneFieldsOf('shape:m', record.props)
			expect(live).toEqual(entryOf(record.props))
		}
	)
})
