import { describe, expect, it } from 'vitest'
import { IdIndex } from '../../shared/model/IdIndex'
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

	it('falls back to a Map when ids share their hashed tail, and still answers correctly', () => {
		// Same length, same last 12 characters: every id has one hash.
		const ids = Array.from({ length: 400 }, (_, i) => `${String(i).padStart(4, '0')}-same-tail-xyz`)
		const list = records(ids)
		const index = new IdIndex(list, list.length)
		ids.forEach((id, i) => expect(index.add(id, i)).toBe(-1))
		expect(index.usesMap).toBe(true)
		ids.forEach((id, i) => expect(index.get(id)).toBe(i))
		expect(index.add(ids[3]!, 99)).toBe(3)
		expect(index.get('9999-same-tail-xyz')).toBe(-1)
		expect(index.size).toBe(400)
	})
})

describe('restore and extraction with ids that defeat the hash', () => {
	it('20,000 shapes whose ids share their tail extract the same plan as with ordinary ids', () => {
		const make = (idOf: (i: number) => string) => {
			const out: unknown[] = []
			for (let i = 0; i < 20_000; i++) {
				out.push({
					id: idOf(i),
					typeName: 'shape',
					type: 'milestone',
					x: i,
					y: 0,
					rotation: 0,
					index: 'a1',
					parentId: 'page:page',
					props: { title: `M${i}`, owner: 'o', unblocker: 'u' },
				})
			}
			return out
		}
		const tail = extractPlan(
			make((i) => `shape:${String(i).padStart(5, '0')}-same-tail-xyz`),
			{
				today: '2026-11-21',
			}
		)
		const plain = extractPlan(
			make((i) => `shape:${String(i).padStart(5, '0')}`),
			{
				today: '2026-11-21',
			}
		)
		expect(tail.milestones.map((m) => m.title)).toEqual(plain.milestones.map((m) => m.title))
		expect(tail.milestones).toHaveLength(20_000)
		expect(restoreRecords(make((i) => `shape:${i % 10}-same-tail-xyz`)).records).toHaveLength(10)
	})
})
