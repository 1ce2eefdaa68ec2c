import { describe, expect, it } from 'vitest'
import { distinctNames } from '../../shared/model/distinctNames'

describe('distinctNames (name suggestions)', () => {
	it('gives each person once, sorted, without blanks', () => {
		expect(
			distinctNames(['Sam (Data)', '', 'Alex (Procurement)', '   ', 'Sam (Data)', 'chris'])
		).toEqual(['Alex (Procurement)', 'chris', 'Sam (Data)'])
	})

	it('counts spellings that differ in case or spacing as one person, keeping the first', () => {
		expect(distinctNames(['  Priya   Shah ', 'priya shah', 'PRIYA SHAH'])).toEqual(['Priya Shah'])
	})

	it('is empty for a map that names nobody', () => {
		expect(distinctNames([])).toEqual([])
		expect(distinctNames(['', ' '])).toEqual([])
	})
})
