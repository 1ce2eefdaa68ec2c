/** Below this many items a plain comparator sort is as quick. */
const SMALL = 64
/** A double holds integers of 53 bits exactly: the packed code units, then the item's position. */
const EXACT_BITS = 53

/**
 * `items` sorted by a string key in code-unit order (as `<` compares strings), then by `tie`:
 * the same order as `items.slice().sort((a, b) => cmp(key(a), key(b)) || tie(a, b))`.
 *
 * Extraction sorts thousands of ids that share long prefixes (`shape:arrow1204`), where each
 * comparison of two strings walks the prefix again. Here the first code units after the prefix
 * all keys share (five of 7 bits for ASCII keys on a 20,000-item list) are packed with each
 * item's position into one number and sorted as numbers (a typed array sorts natively); only
 * items whose packed units agree are then compared as strings. A key with a code unit above 254
 * in that window sends the whole list to the plain sort.
 */
export function sortByKey<T>(
	items: readonly T[],
	key: (item: T) => string,
	tie: (a: T, b: T) => number = () => 0
): T[] {
	const n = items.length
	const byKey = (a: T, b: T) => compareStrings(key(a), key(b)) || tie(a, b)
	const indexBits = Math.max(1, Math.ceil(Math.log2(n)))
	if (n < SMALL || indexBits > 24) return items.slice().sort(byKey)
	const keys = new Array<string>(n)
	for (let i = 0; i < n; i++) keys[i] = key(items[i]!)
	const first = keys[0]!
	let prefix = first.length
	for (let i = 1; i < n && prefix > 0; i++) {
		const k = keys[i]!
		const m = Math.min(prefix, k.length)
		let j = 0
		while (j < m && k.charCodeAt(j) === first.charCodeAt(j)) j++
		prefix = j
	}
	// Code units after the prefix, as 7 bits each when they all fit (ASCII ids), else 8 bits.
	const room = EXACT_BITS - indexBits
	let unitBits = 7
	let width = Math.floor(room / 7)
	for (let i = 0; i < n && unitBits === 7; i++) {
		const k = keys[i]!
		const end = Math.min(k.length, prefix + width)
		for (let j = prefix; j < end; j++) {
			if (k.charCodeAt(j) + 1 > 127) {
				unitBits = 8
				width = Math.floor(room / 8)
				break
			}
		}
	}
	const unitMax = 2 ** unitBits - 1
	const scale = 2 ** indexBits
	const packed = new Float64Array(n)
	for (let i = 0; i < n; i++) {
		const k = keys[i]!
		let window = 0
		for (let j = prefix; j < prefix + width; j++) {
			// A key that has ended sorts before any code unit: 0, and units from 1.
			const unit = j < k.length ? k.charCodeAt(j) + 1 : 0
			if (unit > unitMax) return items.slice().sort(byKey)
			window = window * (unitMax + 1) + unit
		}
		packed[i] = window * scale + i
	}
	packed.sort()
	const out = new Array<T>(n)
	for (let i = 0; i < n; i++) out[i] = items[packed[i]! % scale]!
	// Items whose windows agree are in a run together: put each run in order by the whole key.
	for (let start = 0; start < n;) {
		const window = Math.floor(packed[start]! / scale)
		let end = start + 1
		while (end < n && Math.floor(packed[end]! / scale) === window) end++
		if (end - start > 1) sortRun(out, start, end, byKey)
		start = end
	}
	return out
}

/** Sorts out[start, end) in place: an insertion sort for short runs (the usual case). */
function sortRun<T>(out: T[], start: number, end: number, byKey: (a: T, b: T) => number) {
	if (end - start > 16) {
		const run = out.slice(start, end).sort(byKey)
		for (let i = 0; i < run.length; i++) out[start + i] = run[i]!
		return
	}
	for (let i = start + 1; i < end; i++) {
		const item = out[i]!
		let j = i - 1
		while (j >= start && byKey(out[j]!, item) > 0) {
			out[j + 1] = out[j]!
			j--
		}
		out[j + 1] = item
	}
}

export function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0
}
