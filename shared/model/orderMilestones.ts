/**
 * Plan order (SPEC O1-O3): every milestone after those it depends on; among the free ones the
 * earliest in spatial order (`rank`, 0 first); milestones in a dependency cycle keep their
 * spatial order, as one block placed where its earliest member would go.
 * `dependsOn.get(b)` lists the milestones b depends on (all of them in `ids`). Returns the order and the cycles found.
 */
export function orderMilestones(
	ids: string[],
	rank: Map<string, number>,
	dependsOn: Map<string, string[]>
): { order: string[]; cycles: string[][] } {
	const components = stronglyConnected(ids, dependsOn)
	const componentOf = new Map<string, number>()
	components.forEach((members, c) => {
		members.sort((a, b) => rank.get(a)! - rank.get(b)!)
		for (const m of members) componentOf.set(m, c)
	})
	const key = components.map((members) => rank.get(members[0]!)!)
	const indegree = new Array<number>(components.length).fill(0)
	const next: number[][] = components.map(() => [])
	for (const b of ids) {
		const cb = componentOf.get(b)!
		for (const a of dependsOn.get(b) ?? []) {
			const ca = componentOf.get(a)
			if (ca === undefined || ca === cb) continue
			next[ca]!.push(cb)
			indegree[cb]!++
		}
	}
	const heap = new MinHeap((x, y) => key[x]! - key[y]!)
	indegree.forEach((d, c) => d === 0 && heap.push(c))
	const order: string[] = []
	while (heap.size > 0) {
		const c = heap.pop()!
		order.push(...components[c]!)
		for (const n of next[c]!) if (--indegree[n]! === 0) heap.push(n)
	}
	const cycles = components.filter((m) => m.length > 1)
	return { order, cycles }
}

/** Tarjan's strongly connected components, iterative (no recursion limit on long chains). */
function stronglyConnected(ids: string[], edges: Map<string, string[]>): string[][] {
	const index = new Map<string, number>()
	const low = new Map<string, number>()
	const onStack = new Set<string>()
	const stack: string[] = []
	const result: string[][] = []
	let counter = 0
	for (const root of ids) {
		if (index.has(root)) continue
		const work: { id: string; i: number }[] = [{ id: root, i: 0 }]
		index.set(root, counter)
		low.set(root, counter++)
		stack.push(root)
		onStack.add(root)
		while (work.length > 0) {
			const frame = work[work.length - 1]!
			const out = edges.get(frame.id) ?? []
			if (frame.i < out.length) {
				const w = out[frame.i++]!
				if (!index.has(w)) {
					index.set(w, counter)
					low.set(w, counter++)
					stack.push(w)
					onStack.add(w)
					work.push({ id: w, i: 0 })
				} else if (onStack.has(w)) {
					low.set(frame.id, Math.min(low.get(frame.id)!, index.get(w)!))
				}
				continue
			}
			work.pop()
			const parent = work[work.length - 1]
			if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!))
			if (low.get(frame.id) === index.get(frame.id)) {
				const members: string[] = []
				let w: string
				do {
					w = stack.pop()!
					onStack.delete(w)
					members.push(w)
				} while (w !== frame.id)
				result.push(members)
			}
		}
	}
	return result
}

class MinHeap {
	private items: number[] = []
	constructor(private compare: (a: number, b: number) => number) {}
	get size() {
		return this.items.length
	}
	push(value: number) {
		const items = this.items
		items.push(value)
		let i = items.length - 1
		while (i > 0) {
			const p = (i - 1) >> 1
			if (this.compare(items[i]!, items[p]!) >= 0) break
			;[items[i], items[p]] = [items[p]!, items[i]!]
			i = p
		}
	}
	pop(): number | undefined {
		const items = this.items
		const top = items[0]
		const last = items.pop()
		if (items.length > 0 && last !== undefined) {
			items[0] = last
			let i = 0
			for (;;) {
				const l = 2 * i + 1
				const r = l + 1
				let m = i
				if (l < items.length && this.compare(items[l]!, items[m]!) < 0) m = l
				if (r < items.length && this.compare(items[r]!, items[m]!) < 0) m = r
				if (m === i) break
				;[items[i], items[m]] = [items[m]!, items[i]!]
				i = m
			}
		}
		return top
	}
}
