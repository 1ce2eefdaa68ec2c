import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { arrow, blocker, enabler, frame, milestone, page } from '../helpers/mapBuilder'

const today = '2026-11-21'
const plan = (records: unknown[]) => extractPlan(records, { today })
const codes = (records: unknown[]) => plan(records).diagnostics.map((d) => [d.code, d.shapeId])

describe('stages', () => {
	it('S1: a shape belongs to the nearest frame among its ancestors, through groups and nested frames', () => {
		const records = [
			page,
			frame('shape:outer', 'Outer', 0),
			frame('shape:inner', 'Inner', 100, 100, 'shape:outer'),
			{
				id: 'shape:g',
				typeName: 'shape',
				type: 'group',
				parentId: 'shape:inner',
				x: 10,
				y: 10,
				rotation: 0,
				index: 'a1',
				props: {},
			},
			milestone('shape:m1', 'shape:g', 0, 0),
			milestone('shape:m2', 'shape:outer', 500, 500),
			milestone('shape:m3', 'page:page', 5000, 0),
		]
		const p = plan(records)
		expect(Object.fromEntries(p.milestones.map((m) => [m.id, m.stage]))).toEqual({
			'shape:m1': 'shape:inner',
			'shape:m2': 'shape:outer',
			'shape:m3': null,
		})
	})

	it('S2: stages are ordered by page x, then y, composing parent offsets', () => {
		const p = plan([
			page,
			frame('shape:c', 'C', 2000),
			frame('shape:a', 'A', 0, 500),
			frame('shape:b', 'B', 0, 100),
			frame('shape:nested', 'Nested', -1000, 0, 'shape:c'), // page x 1000
		])
		expect(p.stages.map((s) => s.name)).toEqual(['B', 'A', 'Nested', 'C'])
	})

	it('S2: a rotated parent rotates its children’s page positions', () => {
		const rotated = { ...frame('shape:r', 'Rotated', 1000), rotation: Math.PI }
		const p = plan([
			page,
			rotated,
			frame('shape:child', 'Child', 500, 0, 'shape:r'),
			frame('shape:mid', 'Mid', 700),
		])
		// Child's page x is 1000 - 500 = 500: left of Mid (700) and of Rotated (1000).
		expect(p.stages.map((s) => s.name)).toEqual(['Child', 'Mid', 'Rotated'])
	})
	it('S1: an arrow may be a parent in a crafted file; its children still find their stage', () => {
		// tldraw never nests shapes in an arrow, but a file may: the arrow is followed like a group.
		const [holder] = arrow('shape:holder', null, null)
		const p = plan([
			page,
			frame('shape:s', 'Stage', 0),
			{ ...holder!, parentId: 'shape:s', x: 40, y: 30 },
			...Array.from({ length: 20 }, (_, i) =>
				milestone(`shape:m${String(i).padStart(2, '0')}`, 'shape:holder', i * 10, 0)
			),
			...arrow('shape:to-arrow', 'shape:m00', 'shape:holder'),
		])
		expect(p.milestones.map((m) => m.stage)).toEqual(Array(20).fill('shape:s'))
		expect(p.milestones[0]!.id).toBe('shape:m00')
		expect(p.diagnostics.filter((d) => d.code === 'arrow-ignored')).toEqual([
			{
				code: 'arrow-ignored',
				severity: 'info',
				shapeId: 'shape:to-arrow',
				message:
					'An arrow from a milestone shape to a arrow shape has no meaning in the plan; it was ignored.',
			},
		])
	})
})

describe('relations', () => {
	const stage = frame('shape:s', 'S', 0)
	it('A1: milestone A → milestone B means B depends on A; enablers and blockers either direction', () => {
		const p = plan([
			page,
			stage,
			milestone('shape:a', 'shape:s', 0, 0),
			milestone('shape:b', 'shape:s', 0, 100),
			enabler('shape:e', 'shape:s', 300, 0),
			blocker('shape:x', 'shape:s', 300, 100),
			blocker('shape:y', 'shape:s', 300, 200),
			...arrow('shape:ab', 'shape:a', 'shape:b', 'after sign-off'),
			...arrow('shape:eb', 'shape:b', 'shape:e'),
			...arrow('shape:xb', 'shape:b', 'shape:x'),
			...arrow('shape:ye', 'shape:y', 'shape:e'),
		])
		const b = p.milestones.find((m) => m.id === 'shape:b')!
		expect(b.dependsOn).toEqual(['shape:a'])
		expect(b.enablers).toEqual(['shape:e'])
		expect(b.blockers).toEqual(['shape:x', 'shape:y'])
		expect(p.enablers[0]!.blockers).toEqual(['shape:y'])
		expect(p.blockers.map((x) => x.blocks)).toEqual([['shape:b'], ['shape:e']])
		expect(p.relations.find((r) => r.id === 'shape:ab')!.note).toBe('after sign-off')
	})

	it('A2: an arrow bound at one end or none is reported and ignored', () => {
		const c = codes([
			page,
			stage,
			milestone('shape:a', 'shape:s', 0, 0),
			...arrow('shape:one', 'shape:a', null),
			...arrow('shape:none', null, null),
		])
		expect(c).toContainEqual(['arrow-unbound', 'shape:one'])
		expect(c).toContainEqual(['arrow-unbound', 'shape:none'])
	})

	it('A3: an arrow bound to a shape that does not exist is reported and ignored', () => {
		const p = plan([
			page,
			stage,
			milestone('shape:a', 'shape:s', 0, 0),
			...arrow('shape:ghost', 'shape:a', 'shape:missing'),
		])
		expect(p.relations).toEqual([])
		expect(p.diagnostics.map((d) => d.code)).toEqual(
			expect.arrayContaining(['arrow-dangling', 'arrow-unbound'])
		)
	})

	it('A4: arrows between enablers, to a stage, or to itself are ignored with an info diagnostic', () => {
		const c = codes([
			page,
			stage,
			milestone('shape:a', 'shape:s', 0, 0),
			enabler('shape:e1', 'shape:s', 0, 100),
			enabler('shape:e2', 'shape:s', 0, 200),
			...arrow('shape:ee', 'shape:e1', 'shape:e2'),
			...arrow('shape:as', 'shape:a', 'shape:s'),
			...arrow('shape:aa', 'shape:a', 'shape:a'),
		])
		for (const id of ['shape:ee', 'shape:as', 'shape:aa'])
			expect(c).toContainEqual(['arrow-ignored', id])
	})
})

describe('order', () => {
	it('O1, O2: each next milestone is the earliest in spatial order whose dependencies are placed', () => {
		const p = plan([
			page,
			frame('shape:s1', 'One', 0),
			frame('shape:s2', 'Two', 1000),
			milestone('shape:late', 'shape:s1', 0, 500),
			milestone('shape:early', 'shape:s1', 0, 100),
			milestone('shape:right', 'shape:s1', 300, 100),
			milestone('shape:second', 'shape:s2', 0, 0),
			milestone('shape:loose', 'page:page', -5000, -5000),
			...arrow('shape:d', 'shape:second', 'shape:early'),
		])
		// early waits for second (stage Two); everything else keeps stage, y, x order.
		expect(p.milestones.map((m) => m.id)).toEqual([
			'shape:right',
			'shape:late',
			'shape:second',
			'shape:early',
			'shape:loose',
		])
	})

	it('O3 and C11: milestones in a cycle keep their spatial order and are each flagged', () => {
		const s = frame('shape:s', 'S', 0)
		const p = plan([
			page,
			s,
			milestone('shape:a', 'shape:s', 0, 0),
			milestone('shape:b', 'shape:s', 0, 100),
			milestone('shape:c', 'shape:s', 0, 200),
			milestone('shape:d', 'shape:s', 0, 300),
			...arrow('shape:ab', 'shape:a', 'shape:b'),
			...arrow('shape:bc', 'shape:b', 'shape:c'),
			...arrow('shape:ca', 'shape:c', 'shape:a'),
			...arrow('shape:da', 'shape:d', 'shape:a'),
		])
		expect(p.milestones.map((m) => m.id)).toEqual(['shape:d', 'shape:a', 'shape:b', 'shape:c'])
		const cycle = p.diagnostics.filter((d) => d.code === 'dependency-cycle').map((d) => d.shapeId)
		expect(cycle).toEqual(['shape:a', 'shape:b', 'shape:c'])
	})
})

describe('map checks', () => {
	const s = frame('shape:s', 'S', 0)
	it('C1, C2, C3: a milestone with no owner, no unblocker, no due date', () => {
		const c = codes([
			page,
			s,
			milestone('shape:m', 'shape:s', 0, 0, { owner: '', unblocker: '', due: '' }),
		])
		expect(c).toEqual(
			expect.arrayContaining([
				['milestone-no-owner', 'shape:m'],
				['milestone-no-unblocker', 'shape:m'],
				['milestone-no-due', 'shape:m'],
			])
		)
	})

	it('C4, C6, C7: an enabler connected to nothing, with no when and no what', () => {
		const c = codes([
			page,
			s,
			enabler('shape:e', 'shape:s', 0, 0, { neededBy: '', contribution: '' }),
		])
		expect(c).toEqual(
			expect.arrayContaining([
				['enabler-unconnected', 'shape:e'],
				['enabler-no-when', 'shape:e'],
				['enabler-no-what', 'shape:e'],
			])
		)
	})

	it('C5, C9: a blocker that reaches no milestone and has no owner', () => {
		const c = codes([
			page,
			s,
			blocker('shape:b', 'shape:s', 0, 0, { owner: '' }),
			enabler('shape:lonely', 'shape:s', 0, 200),
			...arrow('shape:be', 'shape:b', 'shape:lonely'),
		])
		expect(c).toEqual(
			expect.arrayContaining([
				['blocker-unconnected', 'shape:b'],
				['blocker-no-owner', 'shape:b'],
			])
		)
	})

	it('messages name each shape as a sentence would: its title, its service, or that it has none', () => {
		const messages = plan([
			page,
			s,
			milestone('shape:m', 'shape:s', 0, 0, { title: '', owner: '' }),
			milestone('shape:n', 'shape:s', 300, 0, { title: 'Residents apply', owner: '' }),
			enabler('shape:hr', 'shape:s', 0, 200, { service: 'hr', contribution: '' }),
			enabler('shape:other', 'shape:s', 300, 200, { service: 'other', contribution: 'Rooms' }),
			enabler('shape:dig', 'shape:s', 600, 200, { service: 'digital', contribution: 'Portal' }),
			blocker('shape:b', 'shape:s', 0, 400, { title: '' }),
		]).diagnostics.map((d) => d.message)
		// Once: "Milestone an untitled milestone has no owner", "The hr enabler", "The other
		// enabler", "Blocker (untitled)".
		expect(messages).toEqual(
			expect.arrayContaining([
				'An untitled milestone has no owner for doing the work.',
				'Milestone "Residents apply" has no owner for doing the work.',
				'An undescribed HR enabler is connected to no milestone.',
				'The enabler "Rooms" is connected to no milestone.',
				'The Digital enabler "Portal" is connected to no milestone.',
				'An untitled blocker is connected to no milestone.',
			])
		)
	})

	it('C8: an enabler needed after the milestone it enables is due', () => {
		const c = codes([
			page,
			s,
			milestone('shape:m', 'shape:s', 0, 0, { due: '2027-03-01' }),
			enabler('shape:e', 'shape:s', 0, 200, { neededBy: '2027-04-01' }),
			...arrow('shape:em', 'shape:e', 'shape:m'),
		])
		expect(c).toContainEqual(['enabler-late', 'shape:e'])
	})

	it('C10: an open high-severity blocker on a milestone due within 30 days, directly or through an enabler', () => {
		const records = [
			page,
			s,
			milestone('shape:soon', 'shape:s', 0, 0, { due: '2026-12-10' }),
			milestone('shape:far', 'shape:s', 0, 100, { due: '2027-12-10' }),
			milestone('shape:viaEnabler', 'shape:s', 0, 200, { due: '2026-12-21' }),
			enabler('shape:e', 'shape:s', 300, 200, { neededBy: '2026-12-01' }),
			blocker('shape:high', 'shape:s', 300, 0, { severity: 'high' }),
			blocker('shape:resolved', 'shape:s', 300, 100, { severity: 'high', status: 'resolved' }),
			...arrow('shape:1', 'shape:high', 'shape:soon'),
			...arrow('shape:2', 'shape:high', 'shape:far'),
			...arrow('shape:3', 'shape:resolved', 'shape:soon'),
			...arrow('shape:4', 'shape:e', 'shape:viaEnabler'),
			...arrow('shape:5', 'shape:high', 'shape:e'),
		]
		const found = plan(records).diagnostics.filter((d) => d.code === 'blocker-high-due-soon')
		expect(found.map((d) => d.shapeId)).toEqual(['shape:high', 'shape:high'])
		expect(found.map((d) => d.message).join(' ')).toContain('soon')
		expect(found.map((d) => d.message).join(' ')).toContain('viaEnabler')
	})

	it('C12: a milestone due before a milestone it depends on', () => {
		const c = codes([
			page,
			s,
			milestone('shape:a', 'shape:s', 0, 0, { due: '2027-05-01' }),
			milestone('shape:b', 'shape:s', 0, 100, { due: '2027-04-01' }),
			...arrow('shape:ab', 'shape:a', 'shape:b'),
		])
		expect(c).toContainEqual(['due-before-dependency', 'shape:b'])
	})

	it('C13: an overdue milestone that is not done; a done one is fine', () => {
		const c = codes([
			page,
			s,
			milestone('shape:late', 'shape:s', 0, 0, { due: '2026-11-20' }),
			milestone('shape:done', 'shape:s', 0, 100, { due: '2026-11-20', status: 'done' }),
			milestone('shape:today', 'shape:s', 0, 200, { due: '2026-11-21' }),
		])
		expect(c.filter(([code]) => code === 'milestone-overdue')).toEqual([
			['milestone-overdue', 'shape:late'],
		])
	})

	it('C14: a typed shape outside any stage', () => {
		const c = codes([
			page,
			milestone('shape:m', 'page:page', 0, 0),
			enabler('shape:e', 'page:page', 0, 0),
			blocker('shape:b', 'page:page', 0, 0),
		])
		for (const id of ['shape:m', 'shape:e', 'shape:b'])
			expect(c).toContainEqual(['shape-outside-stage', id])
	})

	it('R7: the newest check-in’s RAG is the milestone’s RAG, and check-ins are sorted oldest first', () => {
		const p = plan([
			page,
			s,
			milestone('shape:m', 'shape:s', 0, 0, {
				rag: 'green',
				checkins: [
					{ date: '2026-11-01', rag: 'red', note: 'late' },
					{ date: '2026-10-01', rag: 'green', note: 'fine' },
				],
			}),
		])
		expect(p.milestones[0]!.rag).toBe('red')
		expect(p.milestones[0]!.checkins.map((c) => c.date)).toEqual(['2026-10-01', '2026-11-01'])
		expect(p.diagnostics.map((d) => d.code)).toEqual(
			expect.arrayContaining(['checkins-reordered', 'rag-from-checkin'])
		)
	})

	it('an invalid today falls back to the local date instead of throwing', () => {
		expect(() => extractPlan([page], { today: 'yesterday' })).not.toThrow()
	})
})
