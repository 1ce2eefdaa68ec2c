import { describe, expect, it } from 'vitest'
import { cleanMapName, MAX_MAP_NAME_LENGTH, shownMapName } from '../../shared/model/mapName'

describe('a map name', () => {
	it('keeps an ordinary name as it is', () => {
		expect(cleanMapName('Retrofit programme 2027')).toBe('Retrofit programme 2027')
		expect(cleanMapName('Café – phase 2 🚀')).toBe('Café – phase 2 🚀')
	})

	it('puts line breaks, tabs and control characters on one line, with single spaces', () => {
		expect(cleanMapName('  Retrofit\n\nprogramme\t2027  ')).toBe('Retrofit programme 2027')
		expect(cleanMapName('a\u0000b\u007fc\u2028d')).toBe('a b c d')
	})

	it('is cut at its longest, never through a character of two code units', () => {
		const long = '🚀'.repeat(MAX_MAP_NAME_LENGTH + 20)
		const cut = cleanMapName(long)
		expect([...cut]).toHaveLength(MAX_MAP_NAME_LENGTH)
		expect(cut).toBe('🚀'.repeat(MAX_MAP_NAME_LENGTH))
		expect(cleanMapName(`${'a'.repeat(MAX_MAP_NAME_LENGTH - 1)} b`)).toBe(
			'a'.repeat(MAX_MAP_NAME_LENGTH - 1)
		)
	})

	it('shows "Untitled map" for no name, or only spaces', () => {
		expect(shownMapName('')).toBe('Untitled map')
		expect(shownMapName(' \n\t')).toBe('Untitled map')
		expect(shownMapName('Plan')).toBe('Plan')
	})
})
