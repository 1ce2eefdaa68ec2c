import { describe, expect, it } from 'vitest'
import { SortedById } from '../../client/editor/SortedById'

const entries = (ids: string[], tag = '') => ids.map((id) => ({ id, tag }))
const idsOf = (list: Array<{ id: string }>) => list.map((e) => e.id)

describe('SortedById sorts by id, reusing the last order for the same ids', () => {
	it('sorts a first list, then the same ids in any order, with the new entries', () => {
		const sorted = new SortedById<{ id: string; tag: string }>()
		expect(idsOf(sorted.of(entries(['shape:c', 'shape:a', 'shape:b'])))).toEqual([
			'shape:a',
			'shape:b',
			'shape:c',
		])
		const again = sorted.of(entries(['shape:b', 'shape:c', 'shape:a'], 'new'))
		expect(idsOf(again)).toEqual(['shape:a', 'shape:b', 'shape:c'])
		expect(again.every((e) => e.tag === 'new')).toBe(true)
	})

	it('sorts afresh when ids are added, removed or swapped for others', () => {
		const sorted = new SortedById<{ id: string; tag: string }>()
		sorted.of(entries(['b', 'a', 'c']))
		expect(idsOf(sorted.of(entries(['d', 'b', 'a', 'c'])))).toEqual(['a', 'b', 'c', 'd'])
		expect(idsOf(sorted.of(entries(['d', 'a', 'c'])))).toEqual(['a', 'c', 'd'])
		expect(idsOf(sorted.of(entries(['e', 'a', 'c'])))).toEqual(['a', 'c', 'e'])
		// The same count with an id twice (never from tldraw): still a sorted list of them all.
		expect(idsOf(sorted.of(entries(['e', 'e', 'c'])))).toEqual(['c', 'e', 'e'])
		expect(sorted.of([])).toEqual([])
	})
})
