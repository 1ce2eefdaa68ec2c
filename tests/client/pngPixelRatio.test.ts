import { describe, expect, it } from 'vitest'
import { MAX_PNG_PIXELS, pngPixelRatio } from '../../client/export/mapImage'

describe('the PNG of the map', () => {
	it('has two pixels per canvas pixel for a workshop-sized map', () => {
		// Four stages side by side, as the templates draw them.
		expect(pngPixelRatio({ w: 3900, h: 1000 })).toBe(2)
		expect(pngPixelRatio(null)).toBe(2)
	})

	it('keeps a large map within the pixel budget, and never below a quarter', () => {
		const bounds = { w: 12_000, h: 5_000 }
		const ratio = pngPixelRatio(bounds)
		expect(ratio).toBeLessThan(2)
		const pixels = (bounds.w + 64) * ratio * ((bounds.h + 64) * ratio)
		expect(pixels).toBeLessThanOrEqual(MAX_PNG_PIXELS * 1.0001)
		expect(pixels).toBeGreaterThan(MAX_PNG_PIXELS * 0.99)
		expect(pngPixelRatio({ w: 400_000, h: 300_000 })).toBe(0.25)
	})
})
