import { describe, expect, it } from 'vitest'
import { escapeIcsText } from '../../shared/export/escapeIcsText'
import { foldIcsLine } from '../../shared/export/foldIcsLine'

const octets = (s: string) => new TextEncoder().encode(s).length
const unfold = (s: string) => s.replace(/\r\n /g, '')

describe('iCalendar line folding', () => {
	it('leaves a line of 75 octets alone and folds one of 76', () => {
		const exact = `SUMMARY:${'a'.repeat(75 - 8)}`
		expect(foldIcsLine(exact)).toBe(exact)
		const over = `${exact}b`
		expect(foldIcsLine(over)).toBe(`${exact}\r\n b`)
	})

	it('folds a long ASCII line into pieces of at most 75 octets, continuation lines starting with a space', () => {
		const line = `DESCRIPTION:${'word '.repeat(100)}`
		const folded = foldIcsLine(line)
		const pieces = folded.split('\r\n')
		expect(pieces.length).toBe(Math.ceil((octets(line) - 75) / 74) + 1)
		for (const piece of pieces) expect(octets(piece)).toBeLessThanOrEqual(75)
		for (const piece of pieces.slice(1)) expect(piece.startsWith(' ')).toBe(true)
		expect(pieces[0]).toHaveLength(75)
		expect(unfold(folded)).toBe(line)
	})

	it.each([
		['two-octet letters', 'é'],
		['three-octet ideographs', '日'],
		['four-octet emoji', '🎉'],
		['a mix', 'aé日🎉'],
	])('never splits a multi-byte character (%s)', (_name, unit) => {
		for (let prefix = 0; prefix < 4; prefix++) {
			const line = `SUMMARY:${'x'.repeat(prefix)}${unit.repeat(60)}`
			const folded = foldIcsLine(line)
			const pieces = folded.split('\r\n')
			expect(pieces.length).toBeGreaterThan(1)
			for (const piece of pieces) {
				expect(octets(piece)).toBeLessThanOrEqual(75)
				// A cut code point would show up as a lone surrogate or a replacement character.
				expect(piece).not.toMatch(/[\uD800-\uDFFF]/u)
				expect(
					new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(piece))
				).toBe(piece)
			}
			expect(unfold(folded)).toBe(line)
		}
	})

	it('uses the whole 75 octets when it can: a 3-octet character that does not fit moves to the next line', () => {
		const line = `SUMMARY:${'x'.repeat(65)}日日日日`
		const [first, second] = foldIcsLine(line).split('\r\n')
		expect(octets(first!)).toBe(73)
		expect(first).toBe(`SUMMARY:${'x'.repeat(65)}`)
		expect(second).toBe(' 日日日日')
	})
})

describe('iCalendar text escaping', () => {
	it('escapes backslash, semicolon and comma, and turns every line break into \\n', () => {
		expect(escapeIcsText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
		expect(escapeIcsText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour')
		expect(escapeIcsText('colon: "quote"')).toBe('colon: "quote"')
	})

	it('drops control characters that TEXT may not hold, keeping tabs', () => {
		expect(escapeIcsText('a\u0000b\u0007c\td\u007f')).toBe('abc\td')
	})
})
