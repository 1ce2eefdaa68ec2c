import { z } from 'zod'
import { planMilestoneSchema, type Plan } from '../schema/planSchema'

/**
 * A person is flagged as overloaded when they unblock at least this many milestones that are not
 * done. The practice behind the product gives every milestone one person who owns unblocking it;
 * when one person holds that role for three or more live milestones, they become the bottleneck
 * the map was drawn to avoid, whatever the size of the map. (A share-based rule such as "more than
 * a third of the milestones on maps of six or more" never flags anyone this rule misses: a third
 * of six or more milestones is already two or more, so "more than a third" means three or more.)
 * Done milestones need no more unblocking, so they do not count.
 */
export const OVERLOAD_UNBLOCK_THRESHOLD = 3

const shapeIdSchema = planMilestoneSchema.shape.id

export const personLoadSchema = z.object({
	/** The name as first written in the plan (trimmed, inner spaces collapsed). */
	name: z.string().min(1),
	/** The grouping key: the name in lower case. Two spellings with the same key are one person. */
	key: z.string().min(1),
	/** Milestones whose `owner` is this person (plan order). */
	milestonesOwned: z.array(shapeIdSchema),
	/** Milestones whose `unblocker` is this person (plan order). */
	milestonesUnblocked: z.array(shapeIdSchema),
	/** Enablers whose `owner` (the contact in the service) is this person (plan order). */
	enablersOwed: z.array(shapeIdSchema),
	/** Blockers whose `owner` (who unblocks it) is this person (plan order). */
	blockersToUnblock: z.array(shapeIdSchema),
	/**
	 * What is still live: milestones owned or unblocked that are not done, enablers not delivered,
	 * blockers still open. A milestone both owned and unblocked by the person counts twice (two jobs).
	 */
	load: z.number().int().nonnegative(),
	/** Milestones this person unblocks that are not done (the figure the flag looks at). */
	openUnblocks: z.number().int().nonnegative(),
	/** `openUnblocks >= OVERLOAD_UNBLOCK_THRESHOLD`. */
	overloaded: z.boolean(),
})
export type PersonLoad = z.infer<typeof personLoadSchema>

export const ownershipSchema = z.object({
	/** By load, heaviest first, then by name (case-insensitive). */
	people: z.array(personLoadSchema),
	/** Work nobody is named for, so the ownership view can show the gaps too (plan order). */
	unassigned: z.object({
		milestonesWithoutOwner: z.array(shapeIdSchema),
		milestonesWithoutUnblocker: z.array(shapeIdSchema),
		enablersWithoutOwner: z.array(shapeIdSchema),
		blockersWithoutOwner: z.array(shapeIdSchema),
	}),
	overloadThreshold: z.number().int().positive(),
})
export type Ownership = z.infer<typeof ownershipSchema>

/** The spelling kept for a name: trimmed, runs of white space made one space. */
export function normalizePersonName(name: string): string {
	return name.trim().replace(/\s+/g, ' ')
}

/** The key that groups names: "Jo Smith", " jo  smith " and "JO SMITH" are one person. */
export function personKey(name: string): string {
	return normalizePersonName(name).toLowerCase()
}

/**
 * Who does what on the map: each person named as a milestone's owner or unblocker, an enabler's
 * owner or a blocker's owner, with what they are named for. Names are grouped case-insensitively
 * after trimming; the spelling kept is the first met in plan order (milestones in plan order,
 * owner before unblocker, then enablers, then blockers). A field holds one person: "Jo (Housing)"
 * and "Jo" are two people, and "Jo; Sam" is one. Pure; never throws on a valid plan.
 */
export function ownershipOf(plan: Plan): Ownership {
	const people = new Map<string, PersonLoad>()
	const personFor = (raw: string): PersonLoad | null => {
		const key = personKey(raw)
		if (key === '') return null
		let person = people.get(key)
		if (!person) {
			person = {
				name: normalizePersonName(raw),
				key,
				milestonesOwned: [],
				milestonesUnblocked: [],
				enablersOwed: [],
				blockersToUnblock: [],
				load: 0,
				openUnblocks: 0,
				overloaded: false,
			}
			people.set(key, person)
		}
		return person
	}
	const unassigned: Ownership['unassigned'] = {
		milestonesWithoutOwner: [],
		milestonesWithoutUnblocker: [],
		enablersWithoutOwner: [],
		blockersWithoutOwner: [],
	}

	for (const m of plan.milestones) {
		const live = m.status !== 'done'
		const owner = personFor(m.owner)
		if (owner) {
			owner.milestonesOwned.push(m.id)
			if (live) owner.load++
		} else unassigned.milestonesWithoutOwner.push(m.id)
		const unblocker = personFor(m.unblocker)
		if (unblocker) {
			unblocker.milestonesUnblocked.push(m.id)
			if (live) {
				unblocker.load++
				unblocker.openUnblocks++
			}
		} else unassigned.milestonesWithoutUnblocker.push(m.id)
	}
	for (const e of plan.enablers) {
		const owner = personFor(e.owner)
		if (owner) {
			owner.enablersOwed.push(e.id)
			if (e.status !== 'delivered') owner.load++
		} else unassigned.enablersWithoutOwner.push(e.id)
	}
	for (const b of plan.blockers) {
		const owner = personFor(b.owner)
		if (owner) {
			owner.blockersToUnblock.push(b.id)
			if (b.status === 'open') owner.load++
		} else unassigned.blockersWithoutOwner.push(b.id)
	}

	const list = [...people.values()]
	for (const person of list) person.overloaded = person.openUnblocks >= OVERLOAD_UNBLOCK_THRESHOLD
	list.sort((a, b) => b.load - a.load || cmp(a.key, b.key))
	return { people: list, unassigned, overloadThreshold: OVERLOAD_UNBLOCK_THRESHOLD }
}

function cmp(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}
