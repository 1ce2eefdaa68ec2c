import { describe, expect, it } from 'vitest'
import { hashOf, IdIndex } from '../../shared/model/IdIndex'
import { restoreRecords } from '../../shared/model/restoreRecords'
import { extractPlan } from '../../shared/model/extractPlan'

function records(ids: string[]) {
	return ids.map((id) => ({ id }))
}

describe('IdIndex', () => {
	it('finds every id added, reports ids it lacks, and keeps the first position of a repeated id', () => {
		const ids = Array.from(
			{ length: 3000 },
			(_, i) => `shape:${i.toString(36)}x${(i * 7919) % 1000}`
		)
		const list = records(ids)
		const index = new IdIndex(list, list.length)
		ids.forEach((id, i) => expect(index.add(id, i)).toBe(-1))
		expect(index.size).toBe(ids.length)
		ids.forEach((id, i) => expect(index.get(id)).toBe(i))
		expect(index.get('shape:absent')).toBe(-1)
		expect(index.get('')).toBe(-1)
		expect(index.add(ids[10]!, 2999)).toBe(10)
		expect(index.size).toBe(ids.length)
		expect(index.usesMap).toBe(false)
	})

	it('grows when given more ids than it was sized for', () => {
		const list = records(Array.from({ length: 500 }, (_, i) => `binding:${i}`))
		const index = new IdIndex(list, 4)
		list.forEach((r, i) => index.add(r.id, i))
		list.forEach((r, i) => expect(index.get(r.id)).toBe(i))
		expect(index.size).toBe(500)
	})

	it('uses a Map for lists too long for a slot to hold the position (16 million records)', () => {
		const big = new IdIndex([], 1 << 24)
		expect(big.usesMap).toBe(true)
		expect(big.add('shape:a', 1 << 24)).toBe(-1)
		expect(big.get('shape:a')).toBe(1 << 24)
		// An index sized small moves into a Map when a position past the limit arrives.
		const list: { id: string }[] = records(['shape:first', 'shape:second'])
		const index = new IdIndex(list, 2)
		expect(index.add('shape:first', 0)).toBe(-1)
		expect(index.add('shape:second', 0x00ffffff)).toBe(-1)
		expect(index.usesMap).toBe(true)
		expect(index.get('shape:first')).toBe(0)
		expect(index.get('shape:second')).toBe(0x00ffffff)
		expect(index.add('shape:first', 5)).toBe(0)
	})

	it('falls back to a Map when ids crowd one slot, and still answers correctly', () => {
		// Ids whose hashes share their low 12 bits all start probing at one slot of a 4,096-slot table.
		const ids: string[] = []
		for (let i = 0; ids.length < 200; i++) {
			const id = `shape:crafted${i}`
			if ((hashOf(id) & 4095) === 0) ids.push(id)
		}
		const list = records(ids)
		const index = new IdIndex(list, 2048)
		ids.forEach((id, i) => expect(index.add(id, i)).toBe(-1))
		expect(index.usesMap).toBe(true)
		ids.forEach((id, i) => expect(index.get(id)).toBe(i))
		expect(index.add(ids[3]!, 99)).toBe(3)
		expect(index.get('shape:crafted-absent')).toBe(-1)
		expect(index.size).toBe(200)
	})

	it('spreads ids that differ only in the middle or only at the end', () => {
		const ids = Array.from(
			{ length: 20_000 },
			(_, i) => `binding:arrow${i}-${i % 2 ? 'start' : 'end'}`
		)
		const index = new IdIndex(records(ids), ids.length)
		ids.forEach((id, i) => index.add(id, i))
		expect(index.usesMap).toBe(false)
	})
})

describe('restore and extraction with ids that crowd the index', () => {
	it('a map whose shape ids share hash bits extracts the same plan as with ordinary ids', () => {
		const crafted: string[] = []
		for (let i = 0; crafted.length < 3000; i++) {
			const id = `shape:m${i}`
			if ((hashOf(id) & 255) === 0) crafted.push(id)
		}
		const make = (idOf: (i: number) => string) =>
			crafted.map((_, i) => ({
				id: idOf(i),
				typeName: 'shape',
				type: 'milestone',
				x: i,
				y: 0,
				rotation: 0,
				index: 'a1',
				parentId: 'page:page',
				props: { title: `M${i}`, owner: 'o', unblocker: 'u' },
			}))
		const crowded = extractPlan(
			make((i) => crafted[i]!),
			{ today: '2026-11-21' }
		)
		const plain = extractPlan(
			make((i) => `shape:plain${i}`),
			{ today: '2026-11-21' }
		)
		expect(crowded.milestones.map((m) => m.title)).toEqual(plain.milestones.map((m) => m.title))
		expect(crowded.milestones).toHaveLength(3000)
		const twice = restoreRecords([...make((i) => crafted[i]!), ...make((i) => crafted[i]!)])
		expect(twice.records).toHaveLength(3000)
	})
})
