import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import {
	OVERLOAD_UNBLOCK_THRESHOLD,
	ownershipOf,
	ownershipSchema,
	type PersonLoad,
} from '../../shared/model/ownership'
import { arrow, blocker, enabler, frame, milestone, page } from '../helpers/mapBuilder'

const TODAY = '2026-11-20'

/** A small map: Priya owns two milestones, Sam unblocks three, plus enablers and blockers. */
function sampleRecords(m3Status = 'in-progress') {
	return [
		page,
		frame('shape:s1', 'Discover', 0),
		frame('shape:s2', 'Deliver', 1000),
		milestone('shape:m1', 'shape:s1', 100, 100, { owner: 'Priya', unblocker: 'Sam' }),
		milestone('shape:m2', 'shape:s1', 100, 400, { owner: ' priya ', unblocker: 'SAM' }),
		milestone('shape:m3', 'shape:s2', 100, 100, {
			owner: 'Jo',
			unblocker: 'sam',
			status: m3Status,
		}),
		milestone('shape:m4', 'shape:s2', 100, 400, { owner: '', unblocker: '  ' }),
		enabler('shape:e1', 'shape:s1', 500, 100, { owner: 'Lee' }),
		enabler('shape:e2', 'shape:s2', 500, 100, { owner: 'jo', status: 'delivered' }),
		enabler('shape:e3', 'shape:s2', 500, 400, { owner: '' }),
		blocker('shape:b1', 'shape:s2', 500, 700, { owner: 'Lee' }),
		blocker('shape:b2', 'shape:s2', 700, 700, { owner: 'Alex', status: 'resolved' }),
		blocker('shape:b3', 'shape:s1', 700, 700, { owner: '' }),
		...arrow('shape:a1', 'shape:e1', 'shape:m1'),
		...arrow('shape:a2', 'shape:e2', 'shape:m3'),
		...arrow('shape:a3', 'shape:b1', 'shape:m3'),
	]
}

const byName = (people: PersonLoad[], name: string) => {
	const person = people.find((p) => p.name === name)
	expect(person, `no person named ${name}`).toBeDefined()
	return person!
}

describe('ownershipOf', () => {
	it('groups names case-insensitively after trimming and keeps the first spelling in plan order', () => {
		const { people } = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		expect(people.map((p) => p.name).sort()).toEqual(['Alex', 'Jo', 'Lee', 'Priya', 'Sam'])
		expect(byName(people, 'Priya').milestonesOwned).toEqual(['shape:m1', 'shape:m2'])
		expect(byName(people, 'Sam').milestonesUnblocked).toEqual(['shape:m1', 'shape:m2', 'shape:m3'])
		expect(byName(people, 'Jo').milestonesOwned).toEqual(['shape:m3'])
		expect(byName(people, 'Jo').enablersOwed).toEqual(['shape:e2'])
	})

	it('lists the enablers a person owes and the blockers they must unblock', () => {
		const { people } = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		const lee = byName(people, 'Lee')
		expect(lee.enablersOwed).toEqual(['shape:e1'])
		expect(lee.blockersToUnblock).toEqual(['shape:b1'])
		expect(lee.milestonesOwned).toEqual([])
		expect(byName(people, 'Alex').blockersToUnblock).toEqual(['shape:b2'])
	})

	it('lists work nobody is named for instead of inventing a person for blank names', () => {
		const ownership = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		expect(ownership.people.some((p) => p.name.trim() === '')).toBe(false)
		expect(ownership.unassigned).toEqual({
			milestonesWithoutOwner: ['shape:m4'],
			milestonesWithoutUnblocker: ['shape:m4'],
			enablersWithoutOwner: ['shape:e3'],
			blockersWithoutOwner: ['shape:b3'],
		})
	})

	it('counts only live work as load: done milestones, delivered enablers and resolved blockers are listed but weigh nothing', () => {
		const { people } = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		expect(byName(people, 'Sam').load).toBe(3)
		expect(byName(people, 'Priya').load).toBe(2)
		expect(byName(people, 'Lee').load).toBe(2)
		expect(byName(people, 'Jo').load).toBe(1)
		expect(byName(people, 'Alex').load).toBe(0)
	})

	it('sorts people by load, heaviest first, then by name', () => {
		const { people } = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		expect(people.map((p) => p.name)).toEqual(['Sam', 'Lee', 'Priya', 'Jo', 'Alex'])
	})

	it(`flags someone who unblocks ${OVERLOAD_UNBLOCK_THRESHOLD} or more milestones that are not done`, () => {
		const records = sampleRecords()
		const { people } = ownershipOf(extractPlan(records, { today: TODAY }))
		expect(people.filter((p) => p.overloaded).map((p) => p.name)).toEqual(['Sam'])
		expect(byName(people, 'Sam').openUnblocks).toBe(3)
	})

	it('stops flagging someone once one of the milestones they unblock is done', () => {
		const records = sampleRecords('done')
		const { people } = ownershipOf(extractPlan(records, { today: TODAY }))
		const sam = byName(people, 'Sam')
		expect(sam.milestonesUnblocked).toHaveLength(3)
		expect(sam.openUnblocks).toBe(2)
		expect(sam.overloaded).toBe(false)
	})

	it('does not flag two unblocks on a tiny map', () => {
		const records = [
			page,
			frame('shape:s1', 'Discover', 0),
			milestone('shape:m1', 'shape:s1', 0, 0, { unblocker: 'Kim' }),
			milestone('shape:m2', 'shape:s1', 0, 300, { unblocker: 'Kim' }),
		]
		const [kim] = ownershipOf(extractPlan(records, { today: TODAY })).people.filter(
			(p) => p.name === 'Kim'
		)
		expect(kim?.openUnblocks).toBe(2)
		expect(kim?.overloaded).toBe(false)
	})

	it('gives a result that its own zod schema accepts, and an empty map gives nobody', () => {
		const ownership = ownershipOf(extractPlan(sampleRecords(), { today: TODAY }))
		expect(ownershipSchema.parse(ownership)).toEqual(ownership)
		const empty = ownershipOf(extractPlan([], { today: TODAY }))
		expect(empty.people).toEqual([])
		expect(empty.overloadThreshold).toBe(OVERLOAD_UNBLOCK_THRESHOLD)
	})

	it('groups names that differ only in inner white space or case', () => {
		const records = [
			page,
			frame('shape:s1', 'Discover', 0),
			milestone('shape:m1', 'shape:s1', 0, 0, { owner: 'Jo  Smith', unblocker: 'x' }),
			milestone('shape:m2', 'shape:s1', 0, 300, { owner: 'JO SMITH\t', unblocker: 'x' }),
		]
		const { people } = ownershipOf(extractPlan(records, { today: TODAY }))
		expect(byName(people, 'Jo Smith').milestonesOwned).toEqual(['shape:m1', 'shape:m2'])
	})
})
