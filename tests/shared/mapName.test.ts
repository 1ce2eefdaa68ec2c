import { describe, expect, it } from 'vitest'
import {
	cleanMapName,
	mapNameOf,
	MAX_MAP_NAME_LENGTH,
	shownMapName,
} from '../../shared/model/mapName'

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

describe("a map's name read from its records", () => {
	const page = { id: 'page:page', typeName: 'page', name: 'Page 1' }
	const documentRecord = (name: unknown) => ({
		id: 'document:document',
		typeName: 'document',
		gridSize: 10,
		name,
		meta: {},
	})

	it("is the document record's name, cleaned", () => {
		expect(mapNameOf([page, documentRecord('Retrofit programme')])).toBe('Retrofit programme')
		expect(mapNameOf([documentRecord('  Retrofit\n\tprogramme\u0000 2027\u2028 ')])).toBe(
			'Retrofit programme 2027'
		)
		expect(mapNameOf([documentRecord('x'.repeat(500))])).toBe('x'.repeat(MAX_MAP_NAME_LENGTH))
	})

	it('is empty without a document record, or when its name is empty', () => {
		expect(mapNameOf([])).toBe('')
		expect(mapNameOf([page])).toBe('')
		expect(mapNameOf([documentRecord('')])).toBe('')
		expect(mapNameOf([documentRecord(' \n ')])).toBe('')
		// A page's name is not the map's.
		expect(mapNameOf([{ ...page, name: 'Workshop' }])).toBe('')
	})

	it("reads any iterable: a generator, a set, a store map's values", () => {
		function* records() {
			yield page
			yield documentRecord('From a generator')
		}
		expect(mapNameOf(records())).toBe('From a generator')
		expect(mapNameOf(new Set([documentRecord('From a set')]))).toBe('From a set')
		const store = new Map([['document:document', documentRecord('From a store')]])
		expect(mapNameOf(store.values())).toBe('From a store')
	})

	it('takes the first document record with a name that is text', () => {
		expect(
			mapNameOf([
				documentRecord(42),
				documentRecord(null),
				documentRecord('Second'),
				documentRecord('Third'),
			])
		).toBe('Second')
	})

	it('never throws on junk, and skips what is not a record', () => {
		const junk: unknown[] = [
			null,
			undefined,
			42,
			'document',
			['document'],
			{ typeName: 'document' },
			{ typeName: 'document', name: { text: 'no' } },
			{ typeName: 'Document', name: 'wrong case' },
			Object.create(null),
		]
		expect(mapNameOf(junk)).toBe('')
		expect(mapNameOf([...junk, documentRecord('Found')])).toBe('Found')
		for (const notIterable of [null, undefined, 42, {}, { length: 1, 0: documentRecord('x') }]) {
			expect(mapNameOf(notIterable as never)).toBe('')
		}
		// A string is iterable (its characters), none of them a record.
		expect(mapNameOf('document' as never)).toBe('')
		const throwing = {
			get typeName(): string {
				throw new Error('boom')
			},
		}
		expect(mapNameOf([throwing, documentRecord('After')])).toBe('')
		const brokenIterable = {
			*[Symbol.iterator]() {
				yield page
				throw new Error('broken')
			},
		}
		expect(mapNameOf(brokenIterable)).toBe('')
	})
})
