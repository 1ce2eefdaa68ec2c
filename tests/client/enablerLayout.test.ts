import { describe, expect, it } from 'vitest'
import { enablerLayout } from '../../client/shapes/shapeBody'

describe('enablerLayout', () => {
	it('gives a new enabler (140 high) two title lines and its contact', () => {
		expect(enablerLayout(140)).toEqual({ titleLines: 2, contact: true, titleRoom: 45 })
	})

	it('keeps two title lines on an older 120-high card by leaving the contact out', () => {
		expect(enablerLayout(120)).toEqual({ titleLines: 2, contact: false, titleRoom: 49 })
		expect(enablerLayout(135)).toEqual({ titleLines: 2, contact: true, titleRoom: 40 })
		// Just short of room for the contact, the card has room for a third line of title.
		expect(enablerLayout(134)).toEqual({ titleLines: 3, contact: false, titleRoom: 63 })
	})

	it('gives a taller card more whole lines of title', () => {
		expect(enablerLayout(160)).toEqual({ titleLines: 3, contact: true, titleRoom: 65 })
		expect(enablerLayout(175)).toEqual({ titleLines: 4, contact: true, titleRoom: 80 })
	})

	it('shows one line of title on a card too short for more', () => {
		expect(enablerLayout(40)).toEqual({ titleLines: 1, contact: false, titleRoom: -31 })
		expect(enablerLayout(95)).toEqual({ titleLines: 1, contact: false, titleRoom: 24 })
	})
})
