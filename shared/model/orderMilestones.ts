/**
 * Dependencies between `n` milestones numbered in spatial order (0 first), in compressed rows:
 * milestone b depends on `deps[start[b]]` up to (not including) `deps[start[b + 1]]`.
 */
export interface DependencyRows {
	start: Int32Array
	deps: Int32Array
}

/**
 * Plan order (SPEC O1-O3) of `n` milestones numbered in spatial order (0 first): every milestone
 * after those it depends on; among the free ones the earliest in spatial order; milestones in a
 * dependency cycle keep their spatial order, as one block placed where its earliest member would
 * go. Returns the order and the cycles found (each in spatial order). Typed arrays throughout:
 * a 20,000-shape map allocates a handful of arrays here, not one per milestone.
 */
export function orderMilestones(
	n: number,
	rows: DependencyRows
): { order: Int32Array; cycles: number[][] } {
	const { start, deps } = rows
	const { componentOf, members, memberStart, count } = stronglyConnected(n, rows)
	const cycles: number[][] = []
	// A component's key is its earliest member; members are spatial ranks, so smaller is earlier.
	const key = new Int32Array(count)
	for (let c = 0; c < count; c++) {
		const from = memberStart[c]!
		const to = memberStart[c + 1]!
		if (to - from > 1) {
			const loop = members.subarray(from, to).sort()
			cycles.push(Array.from(loop))
		}
		key[c] = members[from]!
	}
	// Edges between components, in compressed rows too: first count, then fill.
	const indegree = new Int32Array(count)
	const nextStart = new Int32Array(count + 1)
	for (let b = 0; b < n; b++) {
		const cb = componentOf[b]!
		for (let k = start[b]!; k < start[b + 1]!; k++) {
			const ca = componentOf[deps[k]!]!
			if (ca === cb) continue
			nextStart[ca + 1]!++
			indegree[cb]!++
		}
	}
	for (let c = 0; c < count; c++) nextStart[c + 1]! += nextStart[c]!
	const next = new Int32Array(nextStart[count]!)
	const fill = nextStart.slice(0, count)
	for (let b = 0; b < n; b++) {
		const cb = componentOf[b]!
		for (let k = start[b]!; k < start[b + 1]!; k++) {
			const ca = componentOf[deps[k]!]!
			if (ca !== cb) next[fill[ca]!++] = cb
		}
	}
	const heap = new MinHeap(key)
	for (let c = 0; c < count; c++) if (indegree[c] === 0) heap.push(c)
	const order = new Int32Array(n)
	let placed = 0
	while (heap.size > 0) {
		const c = heap.pop()
		for (let k = memberStart[c]!; k < memberStart[c + 1]!; k++) order[placed++] = members[k]!
		for (let k = nextStart[c]!; k < nextStart[c + 1]!; k++) {
			const d = next[k]!
			if (--indegree[d]! === 0) heap.push(d)
		}
	}
	return { order, cycles }
}

/**
 * Tarjan's strongly connected components, iterative (no recursion limit on long chains). The
 * members of component c are `members[memberStart[c]]` up to `members[memberStart[c + 1]]`.
 */
function stronglyConnected(n: number, rows: DependencyRows) {
	const { start, deps } = rows
	const index = new Int32Array(n).fill(-1)
	const low = new Int32Array(n)
	const onStack = new Uint8Array(n)
	const componentOf = new Int32Array(n)
	const stack = new Int32Array(n)
	let stackSize = 0
	const members = new Int32Array(n)
	const memberStart = new Int32Array(n + 1)
	let memberCount = 0
	let count = 0
	// The walk: the node at each depth and the next of its edges to follow.
	const workNode = new Int32Array(n)
	const workEdge = new Int32Array(n)
	let depth = 0
	let counter = 0
	for (let root = 0; root < n; root++) {
		if (index[root] !== -1) continue
		if (start[root] === start[root + 1]) {
			// No dependencies: a component of its own, nothing to walk.
			index[root] = counter++
			componentOf[root] = count
			members[memberCount++] = root
			memberStart[++count] = memberCount
			continue
		}
		workNode[0] = root
		workEdge[0] = start[root]!
		depth = 1
		index[root] = low[root] = counter++
		stack[stackSize++] = root
		onStack[root] = 1
		while (depth > 0) {
			const top = depth - 1
			const v = workNode[top]!
			const edge = workEdge[top]!
			if (edge < start[v + 1]!) {
				workEdge[top] = edge + 1
				const w = deps[edge]!
				if (index[w] === -1) {
					index[w] = low[w] = counter++
					stack[stackSize++] = w
					onStack[w] = 1
					workNode[depth] = w
					workEdge[depth] = start[w]!
					depth++
				} else if (onStack[w]) {
					if (index[w]! < low[v]!) low[v] = index[w]!
				}
				continue
			}
			depth--
			if (top > 0) {
				const parent = workNode[top - 1]!
				if (low[v]! < low[parent]!) low[parent] = low[v]!
			}
			if (low[v] === index[v]) {
				let w: number
				do {
					w = stack[--stackSize]!
					onStack[w] = 0
					componentOf[w] = count
					members[memberCount++] = w
				} while (w !== v)
				memberStart[++count] = memberCount
			}
		}
	}
	return { componentOf, members, memberStart, count }
}

/** A binary min-heap of component numbers by their key. */
class MinHeap {
	private items: Int32Array
	size = 0
	constructor(private key: Int32Array) {
		this.items = new Int32Array(key.length)
	}
	push(value: number) {
		const items = this.items
		const key = this.key
		let i = this.size++
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
		const size = --this.size
		const last = items[size]!
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
