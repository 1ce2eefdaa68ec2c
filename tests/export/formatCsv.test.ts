import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvCell, formatCsv, neutraliseCell } from '../../shared/export/formatCsv'

describe('CSV cells', () => {
	it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
		'a cell starting with %j is prefixed with a single quote',
		(value) => {
			expect(neutraliseCell(value)).toBe(`'${value}`)
		}
	)

	it.each(['1+1', 'a=b', ' =1', "'=1", '', 'shape:-x', '2027-01-31'])(
		'a cell like %j is left as it is',
		(value) => {
			expect(neutraliseCell(value)).toBe(value)
		}
	)

	it('quotes only when a comma, quote, CR or LF needs it, doubling quotes', () => {
		expect(csvCell('plain text; with semicolon')).toBe('plain text; with semicolon')
		expect(csvCell('a,b')).toBe('"a,b"')
		expect(csvCell('say "hi"')).toBe('"say ""hi"""')
		expect(csvCell('two\nlines')).toBe('"two\nlines"')
		expect(csvCell('=1,2')).toBe('"\'=1,2"')
		expect(csvCell('\r')).toBe('"\'\r"')
	})

	it('round-trips awkward text through papaparse', () => {
		const awkward = ['", ""', 'é ü 日本 🎉', 'a\r\nb', '  spaced  ', '"', ',', '']
		const text = formatCsv(['A', 'B', 'C', 'D', 'E', 'F', 'G'], [awkward])
		const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true })
		expect(parsed.errors).toEqual([])
		expect(parsed.data[1]).toEqual(awkward)
	})
})
