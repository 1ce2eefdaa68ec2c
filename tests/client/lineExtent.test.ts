import { describe, expect, it } from 'vitest'
import { lineExtent } from '../../client/shapes/lineExtent'

const word = (left: number, right: number) => ({ left, right, blank: false })
const space = (left: number, right: number) => ({ left, right, blank: true })

describe('lineExtent', () => {
	it('spans a left-to-right line without the space it breaks after', () => {
		expect(lineExtent([word(0, 40), space(40, 45), word(45, 90), space(90, 95)])).toEqual({
			left: 0,
			right: 90,
		})
	})

	it('keeps the spaces a left-to-right line begins with', () => {
		expect(lineExtent([space(0, 10), word(10, 50)])).toEqual({ left: 0, right: 50 })
	})

	it('starts a right-to-left line at its leftmost word, not its first', () => {
		// In reading order: the first word is rightmost; the space the line breaks after lies
		// at its left end and takes no room.
		expect(lineExtent([word(60, 100), space(55, 60), word(20, 55), space(15, 20)])).toEqual({
			left: 20,
			right: 100,
		})
	})

	it('gives a line of spaces no width, and an empty line nothing', () => {
		expect(lineExtent([space(5, 10), space(10, 15)])).toEqual({ left: 5, right: 5 })
		expect(lineExtent([])).toEqual({ left: 0, right: 0 })
	})
})
