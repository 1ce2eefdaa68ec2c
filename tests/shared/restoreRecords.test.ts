import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { restoreRecords } from '../../shared/model/restoreRecords'
import { planSchema } from '../../shared/schema/planSchema'
import { arrow, frame, milestone, page, shuffled } from '../helpers/mapBuilder'

describe('restoreRecords reads every form a map arrives in (R1)', () => {
	const records = [page, frame('shape:s', 'S', 0), milestone('shape:m', 'shape:s', 0, 0)]
	it('reads a .tldr file, a store snapshot, a document snapshot and a plain list alike', () => {
		const store = Object.fromEntries(records.map((r) => [r.id, r]))
		for (const input of [
			{ tldrawFileFormatVersion: 1, schema: {}, records },
			{ store, schema: {} },
			{ document: { store, schema: {} }, session: {} },
			records,
		]) {
			const result = restoreRecords(input)
			expect(result.records.map((r) => r.id)).toEqual(['page:page', 'shape:s', 'shape:m'])
			expect(result.diagnostics).toEqual([])
		}
	})

	it('says clearly when the input is not a tldraw file at all', () => {
		for (const input of [null, 42, 'hello', { hello: 'world' }, { records: 'nope' }]) {
			const result = restoreRecords(input)
			expect(result.records).toEqual([])
			expect(result.diagnostics).toHaveLength(1)
			expect(result.diagnostics[0]!.code).toBe('input-unreadable')
			expect(result.diagnostics[0]!.message).toMatch(/tldraw|records|list/)
		}
	})
})

describe('restoreRecords never loses what it can read', () => {
	it('R2: skips unreadable records and keeps the rest', () => {
		const result = restoreRecords([
			page,
			null,
			7,
			{ id: 3 },
			{ id: 'x' },
			{ id: 'shape:y', typeName: 'shape' },
			milestone('shape:m', 'page:page', 0, 0),
		])
		expect(result.records.map((r) => r.id)).toEqual(['page:page', 'shape:m'])
		expect(result.diagnostics.filter((d) => d.code === 'record-unreadable')).toHaveLength(5)
	})

	it('R2: keeps records of unknown types untouched', () => {
		const odd = { id: 'custom:1', typeName: 'custom', anything: [1, 2, 3] }
		const weird = {
			id: 'shape:w',
			typeName: 'shape',
			type: 'sticker',
			x: 1,
			y: 2,
			rotation: 0,
			parentId: 'page:page',
			index: 'a1',
			props: { colour: 'pink' },
		}
		const result = restoreRecords([odd, weird])
		expect(result.records).toEqual([odd, weird])
		expect(extractPlan([odd, weird]).milestones).toEqual([])
	})

	it('R3: duplicate ids keep one record, the same one whatever the order', () => {
		const a = milestone('shape:m', 'page:page', 0, 0, { title: 'A' })
		const b = milestone('shape:m', 'page:page', 0, 0, { title: 'B' })
		const first = restoreRecords([a, b])
		const second = restoreRecords([b, a])
		expect(first.records).toEqual(second.records)
		expect(first.diagnostics.map((d) => d.code)).toEqual(['record-duplicate-id'])
	})

	it('R4: props of the wrong types take defaults with a diagnostic; unknown props are kept', () => {
		const m = milestone('shape:m', 'page:page', 0, 0, {
			title: 42,
			due: '2027-02-30',
			status: 'finished',
			rag: 'purple',
			checkins: [{ date: '2026-10-01', rag: 'blue', note: 5 }, 'junk'],
			futureField: { keep: 'me' },
		})
		delete (m.props as Record<string, unknown>).owner
		const result = restoreRecords([m])
		const props = result.records[0]!.props as Record<string, unknown>
		expect(props).toMatchObject({
			title: '',
			due: '',
			status: 'not-started',
			rag: 'none',
			owner: '',
			checkins: [{ date: '2026-10-01', rag: 'none', note: '' }],
			futureField: { keep: 'me' },
		})
		const codes = result.diagnostics.map((d) => d.code)
		expect(codes.filter((c) => c === 'prop-invalid').length).toBeGreaterThanOrEqual(6)
		expect(codes).toContain('prop-missing')
	})

	it('R4: a shape with no props at all gets every default', () => {
		const result = restoreRecords([
			{ ...milestone('shape:m', 'page:page', 0, 0), props: 'x', x: 'left' },
		])
		expect(result.records[0]).toMatchObject({
			x: 0,
			props: { title: '', status: 'not-started', w: 240 },
		})
	})

	it('R4: valid props are returned as the same object, not copied', () => {
		const m = milestone('shape:m', 'page:page', 0, 0)
		expect(restoreRecords([m]).records[0]).toBe(m)
	})

	it('R5: a 50 MB title is cut to 10,000 characters with a diagnostic', () => {
		const huge = 'x'.repeat(50 * 1024 * 1024)
		const plan = extractPlan([page, milestone('shape:m', 'page:page', 0, 0, { title: huge })], {
			today: '2026-11-21',
		})
		expect(plan.milestones[0]!.title).toHaveLength(10_000)
		expect(plan.diagnostics.map((d) => d.code)).toContain('text-truncated')
		expect(JSON.stringify(plan.diagnostics).length).toBeLessThan(10_000)
	})

	it('R6: a parent chain that loops puts the shapes on the page, outside any stage', () => {
		const a = { ...frame('shape:a', 'A', 0), parentId: 'shape:b' }
		const b = { ...frame('shape:b', 'B', 0), parentId: 'shape:a' }
		const plan = extractPlan([page, a, b, milestone('shape:m', 'shape:a', 0, 0)], {
			today: '2026-11-21',
		})
		expect(plan.diagnostics.filter((d) => d.code === 'parent-cycle').map((d) => d.shapeId)).toEqual(
			['shape:a', 'shape:b']
		)
		expect(plan.milestones[0]!.stage).toBe('shape:a')
		expect(plan.stages).toHaveLength(2)
	})

	it('R6: a parent that does not exist puts the shape on the page', () => {
		const plan = extractPlan([page, milestone('shape:m', 'shape:gone', 0, 0)], {
			today: '2026-11-21',
		})
		expect(plan.milestones[0]!.stage).toBeNull()
		expect(plan.diagnostics.map((d) => d.code)).toContain('parent-missing')
	})

	it('reads 100,000 records, including a 100,000-deep parent chain, without overflowing', () => {
		const records: unknown[] = [page, frame('shape:f0', 'Deep', 0)]
		for (let i = 1; i < 50_000; i++)
			records.push({ ...frame(`shape:f${i}`, `F${i}`, 1), parentId: `shape:f${i - 1}` })
		for (let i = 0; i < 25_000; i++) records.push(milestone(`shape:m${i}`, `shape:f${i}`, 0, 0))
		for (let i = 1; i < 9_000; i++)
			records.push(...arrow(`shape:a${i}`, `shape:m${i - 1}`, `shape:m${i}`))
		expect(records.length).toBeGreaterThan(100_000)
		const plan = extractPlan(records, { today: '2026-11-21' })
		expect(plan.stages).toHaveLength(50_000)
		expect(plan.milestones).toHaveLength(25_000)
		expect(plan.milestones[1]!.dependsOn).toEqual(['shape:m0'])
		expect(planSchema.safeParse(plan).success).toBe(true)
	})

	it('O5: a hand-made map with every kind of relation is byte-identical under 50 shuffles', () => {
		const records = [
			page,
			frame('shape:s1', 'One', 0),
			frame('shape:s2', 'Two', 1000),
			milestone('shape:a', 'shape:s1', 0, 0),
			milestone('shape:b', 'shape:s1', 0, 0),
			milestone('shape:c', 'shape:s2', 0, 0),
			milestone('shape:d', 'page:page', 0, 0),
			...arrow('shape:ab', 'shape:a', 'shape:b'),
			...arrow('shape:ba', 'shape:b', 'shape:a'),
			...arrow('shape:bc', 'shape:b', 'shape:c', 'note'),
			...arrow('shape:x', 'shape:c', null),
			milestone('shape:a', 'shape:s1', 5, 5, { title: 'duplicate' }),
		]
		const reference = JSON.stringify(extractPlan(records, { today: '2026-11-21' }))
		for (let seed = 1; seed <= 50; seed++) {
			expect(
				JSON.stringify(extractPlan(shuffled(records, seed), { today: '2026-11-21' })),
				`seed ${seed}`
			).toBe(reference)
		}
	})
})
