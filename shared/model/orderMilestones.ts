/**
 * Plan order (SPEC O1-O3) of `n` milestones numbered in spatial order (0 first): every milestone
 * after those it depends on; among the free ones the earliest in spatial order; milestones in a
 * dependency cycle keep their spatial order, as one block placed where its earliest member would
 * go. `dependsOn[b]` lists the milestones b depends on, or is null. Returns the order and the
 * cycles found (each in spatial order).
 */
export function orderMilestones(
	n: number,
	dependsOn: ReadonlyArray<readonly number[] | null>
): { order: number[]; cycles: number[][] } {
	const { componentOf, components } = stronglyConnected(n, dependsOn)
	const count = components.length
	for (const members of components) if (members.length > 1) members.sort((a, b) => a - b)
	// A component's key is its earliest member; members are spatial ranks, so smaller is earlier.
	const key = new Int32Array(count)
	for (let c = 0; c < count; c++) key[c] = components[c]![0]!
	const indegree = new Int32Array(count)
	const next: (number[] | null)[] = new Array(count).fill(null)
	for (let b = 0; b < n; b++) {
		const deps = dependsOn[b]
		if (!deps) continue
		const cb = componentOf[b]!
		for (const a of deps) {
			const ca = componentOf[a]!
			if (ca === cb) continue
			;(next[ca] ??= []).push(cb)
			indegree[cb]!++
		}
	}
	const heap = new MinHeap(key)
	for (let c = 0; c < count; c++) if (indegree[c] === 0) heap.push(c)
	const order: number[] = []
	while (heap.size > 0) {
		const c = heap.pop()
		for (const m of components[c]!) order.push(m)
		const after = next[c]
		if (after) for (const d of after) if (--indegree[d]! === 0) heap.push(d)
	}
	const cycles = components.filter((m) => m.length > 1)
	return { order, cycles }
}

/** Tarjan's strongly connected components, iterative (no recursion limit on long chains). */
function stronglyConnected(
	n: number,
	edges: ReadonlyArray<readonly number[] | null>
): { componentOf: Int32Array; components: number[][] } {
	const index = new Int32Array(n).fill(-1)
	const low = new Int32Array(n)
	const onStack = new Uint8Array(n)
	const componentOf = new Int32Array(n)
	const stack: number[] = []
	const components: number[][] = []
	const workNode: number[] = []
	const workEdge: number[] = []
	let counter = 0
	for (let root = 0; root < n; root++) {
		if (index[root] !== -1) continue
		if (!edges[root]) {
			// No dependencies: a component of its own, nothing to walk.
			index[root] = counter++
			componentOf[root] = components.length
			components.push([root])
			continue
		}
		workNode.push(root)
		workEdge.push(0)
		index[root] = low[root] = counter++
		stack.push(root)
		onStack[root] = 1
		while (workNode.length > 0) {
			const top = workNode.length - 1
			const v = workNode[top]!
			const out = edges[v]
			const i = workEdge[top]!
			if (out && i < out.length) {
				workEdge[top] = i + 1
				const w = out[i]!
				if (index[w] === -1) {
					index[w] = low[w] = counter++
					stack.push(w)
					onStack[w] = 1
					workNode.push(w)
					workEdge.push(0)
				} else if (onStack[w]) {
					if (index[w]! < low[v]!) low[v] = index[w]!
				}
				continue
			}
			workNode.pop()
			workEdge.pop()
			if (top > 0) {
				const parent = workNode[top - 1]!
				if (low[v]! < low[parent]!) low[parent] = low[v]!
			}
			if (low[v] === index[v]) {
				const members: number[] = []
				const c = components.length
				let w: number
				do {
					w = stack.pop()!
					onStack[w] = 0
					componentOf[w] = c
					members.push(w)
				} while (w !== v)
				components.push(members)
			}
		}
	}
	return { componentOf, components }
}

/** A binary min-heap of component numbers by their key. */
class MinHeap {
	private items: number[] = []
	constructor(private key: Int32Array) {}
	get size() {
		return this.items.length
	}
	push(value: number) {
		const items = this.items
		const key = this.key
		let i = items.length
		items.push(value)
		while (i > 0) {
			const p = (i - 1) >> 1
			if (key[items[p]!]! <= key[value]!) break
			items[i] = items[p]!
			i = p
		}
		items[i] = value
	}
	pop(): number {
		const items = this.items
		const key = this.key
		const top = items[0]!
		const last = items.pop()!
		const size = items.length
		if (size > 0) {
			let i = 0
			for (;;) {
				const l = 2 * i + 1
				if (l >= size) break
				const r = l + 1
				const m = r < size && key[items[r]!]! < key[items[l]!]! ? r : l
				if (key[items[m]!]! >= key[last]!) break
				items[i] = items[m]!
				i = m
			}
			items[i] = last
		}
		return top
	}
}
