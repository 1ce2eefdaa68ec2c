import type { Diagnostic } from '../../shared/schema/diagnosticSchema'
import type { Plan } from '../../shared/schema/planSchema'

/**
 * A plan sent as what changed since the previous one, so that the plan can be extracted in a
 * worker and the page receives (and re-renders) only the entries that changed. Every entry is
 * named by a small integer the worker assigns to its key (the id, or for a diagnostic its code,
 * shape and message); an entry that did not change keeps its object on the page, so rows
 * memoized by object skip their render.
 */
export interface ListPatch<T> {
	/** The keys in their new order, when the order or membership changed; otherwise null. */
	order: number[] | null
	/** New or changed entries, by key. */
	changed: Array<[number, T]>
}

export const planLists = [
	'stages',
	'milestones',
	'enablers',
	'blockers',
	'relations',
	'diagnostics',
] as const
export type PlanListName = (typeof planLists)[number]
type Entry<K extends PlanListName> = Plan[K][number]

export type PlanPatch = { [K in PlanListName]: ListPatch<Entry<K>> }

export function isEmptyPatch(patch: PlanPatch): boolean {
	return planLists.every((name) => patch[name].order === null && patch[name].changed.length === 0)
}

function keyOf(name: PlanListName, entry: Entry<PlanListName>): string {
	if (name !== 'diagnostics') return (entry as { id: string }).id
	const d = entry as Diagnostic
	return `${d.code}\u0000${d.shapeId ?? ''}\u0000${d.message}`
}

/** The worker's side: remembers the last plan it sent and says what changed since. */
export class PlanDiffer {
	/** Each list's key numbers (one map per list, so keys need no list prefix). */
	private readonly keyNumbers = new Map<PlanListName, Map<string, number>>(
		planLists.map((name) => [name, new Map()])
	)
	private nextNumber = 0
	private previous = new Map<PlanListName, { order: number[]; entries: Map<number, unknown> }>(
		planLists.map((name) => [name, { order: [], entries: new Map() }])
	)

	diff(plan: Plan): PlanPatch {
		const patch = {} as Record<PlanListName, ListPatch<unknown>>
		for (const name of planLists) {
			const before = this.previous.get(name)!
			const numbers = this.keyNumbers.get(name)!
			const list = plan[name] as Array<Entry<PlanListName>>
			const order: number[] = new Array(list.length)
			const entries = new Map<number, unknown>()
			const changed: Array<[number, unknown]> = []
			for (let i = 0; i < list.length; i++) {
				const entry = list[i]!
				const key = keyOf(name, entry)
				let n = numbers.get(key)
				if (n === undefined) {
					n = this.nextNumber++
					numbers.set(key, n)
				}
				order[i] = n
				entries.set(n, entry)
				// A diagnostic's key is all of it (its severity follows from its code).
				const old = before.entries.get(n)
				if (old === undefined || (name !== 'diagnostics' && !sameJson(old, entry))) {
					changed.push([n, entry])
				}
			}
			const sameOrder =
				order.length === before.order.length && order.every((n, i) => n === before.order[i])
			patch[name] = { order: sameOrder ? null : order, changed }
			this.previous.set(name, { order, entries })
		}
		return patch as PlanPatch
	}
}

/**
 * Whether two JSON values are equal (plan entries: strings, numbers, null, arrays and plain
 * objects). Compares in place, where serialising every entry to compare the text costs a string
 * per entry per extraction.
 */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
	if (Array.isArray(a)) {
		if (!Array.isArray(b) || a.length !== b.length) return false
		for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
		return true
	}
	if (Array.isArray(b)) return false
	const x = a as Record<string, unknown>
	const y = b as Record<string, unknown>
	let count = 0
	for (const key in x) {
		if (!(key in y) || !sameJson(x[key], y[key])) return false
		count++
	}
	for (const _ in y) count--
	return count === 0
}

/** The page's side: the current plan, rebuilt from patches, reusing every unchanged object. */
export class PatchedPlan {
	private readonly keys = new Map<PlanListName, number[]>(planLists.map((n) => [n, []]))
	plan: Plan

	constructor(format: Pick<Plan, 'format' | 'version'>) {
		this.plan = {
			format: format.format,
			version: format.version,
			stages: [],
			milestones: [],
			enablers: [],
			blockers: [],
			relations: [],
			diagnostics: [],
		}
	}

	/** Applies a patch; returns whether the plan changed (then `plan` is a new object). */
	apply(patch: PlanPatch): boolean {
		if (isEmptyPatch(patch)) return false
		const next = { ...this.plan }
		for (const name of planLists) {
			const list = patch[name] as ListPatch<Entry<PlanListName>>
			if (list.order === null && list.changed.length === 0) continue
			const oldKeys = this.keys.get(name)!
			const oldEntries = this.plan[name] as Array<Entry<PlanListName>>
			const byKey = new Map<number, Entry<PlanListName>>()
			if (list.order === null) {
				const index = new Map(oldKeys.map((n, i) => [n, i]))
				const entries = [...oldEntries]
				for (const [n, entry] of list.changed) entries[index.get(n)!] = entry
				;(next as Record<PlanListName, unknown>)[name] = entries
				continue
			}
			oldKeys.forEach((n, i) => byKey.set(n, oldEntries[i]!))
			for (const [n, entry] of list.changed) byKey.set(n, entry)
			;(next as Record<PlanListName, unknown>)[name] = list.order.map((n) => byKey.get(n)!)
			this.keys.set(name, list.order)
		}
		this.plan = next
		return true
	}
}
