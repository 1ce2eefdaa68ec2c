import { describe, expect, it } from 'vitest'
import { enablerLayout } from '../../client/shapes/shapeBody'

describe('enablerLayout', () => {
	it('gives a new enabler (140 high) two title lines and its contact', () => {
		expect(enablerLayout(140)).toEqual({ titleLines: 2, contact: true })
	})

	it('keeps two title lines on an older 120-high card by leaving the contact out', () => {
		expect(enablerLayout(120)).toEqual({ titleLines: 2, contact: false })
		expect(enablerLayout(135)).toEqual({ titleLines: 2, contact: true })
		// Just short of room for the contact, the card has room for a third line of title.
		expect(enablerLayout(134)).toEqual({ titleLines: 3, contact: false })
	})

	it('gives a taller card more whole lines of title', () => {
		expect(enablerLayout(160)).toEqual({ titleLines: 3, contact: true })
		expect(enablerLayout(175)).toEqual({ titleLines: 4, contact: true })
	})

	it('shows one line of title on a card too short for more', () => {
		expect(enablerLayout(40)).toEqual({ titleLines: 1, contact: false })
		expect(enablerLayout(95)).toEqual({ titleLines: 1, contact: false })
	})
})
