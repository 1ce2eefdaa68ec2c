import { describe, expect, it } from 'vitest'
import { compareStrings, sortByKey } from '../../shared/model/sortByKey'
import { seededRandom } from '../helpers/seededRandom'

interface Item {
	key: string
	n: number
}

/** What sortByKey must equal: the plain comparator sort. */
const plain = (items: Item[]) =>
	items.slice().sort((a, b) => compareStrings(a.key, b.key) || a.n - b.n)

describe('sortByKey: the order of a comparator sort, by packed keys', () => {
	const alphabets = {
		digits: '0123456789',
		ascii: 'ab:-_Z09',
		'beyond 7 bits': 'aé~\u007f\u00fe',
		'beyond 8 bits': 'a\u00ff\u0100→😀',
	}
	for (const [name, alphabet] of Object.entries(alphabets)) {
		it.each(Array.from({ length: 25 }, (_, i) => i + 1))(
			`${name}, seed %i: the same order as the comparator sort, ties broken alike`,
			(seed) => {
				const random = seededRandom(seed)
				const count = Math.floor(random() * 3000) + 1
				const prefix = random() < 0.7 ? 'shape:arrow' : ''
				const items: Item[] = Array.from({ length: count }, () => {
					const length = Math.floor(random() * 9)
					let key = prefix
					for (let j = 0; j < length; j++) key += alphabet[Math.floor(random() * alphabet.length)]
					return { key, n: Math.floor(random() * 4) }
				})
				const sorted = sortByKey(
					items,
					(item) => item.key,
					(a, b) => a.n - b.n
				)
				expect(sorted).toEqual(plain(items))
				// Same objects, and equal items keep their order (a stable sort).
				const again = sortByKey(items, (item) => item.key)
				const stable = items.slice().sort((a, b) => compareStrings(a.key, b.key))
				expect(again.every((item, i) => item === stable[i])).toBe(true)
			}
		)
	}

	it('sorts ids that differ only after a long shared prefix, and keys that end early first', () => {
		const ids = Array.from({ length: 20_000 }, (_, i) => `shape:arrow${(i * 7919) % 20_000}`)
		const items = ids.map((key, n) => ({ key, n }))
		expect(sortByKey(items, (item) => item.key).map((i) => i.key)).toEqual(ids.slice().sort())
		const short = [
			{ key: 'ab', n: 0 },
			{ key: 'a', n: 1 },
			{ key: '', n: 2 },
		]
		const many = Array.from({ length: 100 }, () => short).flat()
		expect(
			sortByKey(many, (i) => i.key)
				.map((i) => i.key)
				.slice(0, 3)
		).toEqual(['', '', ''])
		expect(sortByKey(many, (i) => i.key)).toEqual(plain(many))
	})
})
