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
	private readonly keyNumbers = new Map<string, number>()
	private previous: { [K in PlanListName]: { order: number[]; signatures: Map<number, string> } } =
		{
			stages: { order: [], signatures: new Map() },
			milestones: { order: [], signatures: new Map() },
			enablers: { order: [], signatures: new Map() },
			blockers: { order: [], signatures: new Map() },
			relations: { order: [], signatures: new Map() },
			diagnostics: { order: [], signatures: new Map() },
		}

	private numberOf(name: PlanListName, key: string): number {
		const full = `${name}\u0001${key}`
		let n = this.keyNumbers.get(full)
		if (n === undefined) {
			n = this.keyNumbers.size
			this.keyNumbers.set(full, n)
		}
		return n
	}

	diff(plan: Plan): PlanPatch {
		const patch = {} as Record<PlanListName, ListPatch<unknown>>
		for (const name of planLists) {
			const before = this.previous[name]
			const order: number[] = []
			const signatures = new Map<number, string>()
			const changed: Array<[number, unknown]> = []
			for (const entry of plan[name] as Array<Entry<PlanListName>>) {
				const key = keyOf(name, entry)
				const n = this.numberOf(name, key)
				// A diagnostic's key is all of it (its severity follows from its code).
				const signature = name === 'diagnostics' ? key : JSON.stringify(entry)
				order.push(n)
				signatures.set(n, signature)
				if (before.signatures.get(n) !== signature) changed.push([n, entry])
			}
			const sameOrder =
				order.length === before.order.length && order.every((n, i) => n === before.order[i])
			patch[name] = { order: sameOrder ? null : order, changed }
			this.previous[name] = { order, signatures }
		}
		return patch as PlanPatch
	}
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
