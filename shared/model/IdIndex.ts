/** Probes one lookup may take before the index gives up on its hash and uses a `Map` instead. */
const MAX_PROBES = 48

/**
 * Where each id sits in a list of records: an open-addressing hash table in one `Int32Array`
 * (slot: record position + 1, then the id's hash), comparing ids only when their hashes agree.
 *
 * Extraction looks ids up in lists of 20,000 records and more; a `Map` of that size grows through
 * eight tables on the JavaScript heap, and each lookup reads the stored key string, wherever it is
 * in memory, to compare hashes. This table is sized once, lives outside the heap, and keeps the
 * hashes beside the positions. Ids crafted to share hash bits (a file may hold anything) would make
 * probe runs long: past `MAX_PROBES` the index moves its entries into a `Map` and uses that from
 * then on, so no input makes it quadratic.
 */
export class IdIndex {
	private table: Int32Array
	private mask: number
	private count = 0
	private map: Map<string, number> | null = null

	/** `records` is read, never written: the id at a position is `records[position].id`. */
	constructor(
		private readonly records: ArrayLike<{ id: string } | undefined>,
		expected: number
	) {
		let capacity = 16
		while (capacity < expected * 2) capacity *= 2
		this.table = new Int32Array(capacity * 2)
		this.mask = capacity - 1
	}

	get size(): number {
		return this.map ? this.map.size : this.count
	}

	/** The position of `id`, or -1. */
	get(id: string): number {
		if (this.map) return this.map.get(id) ?? -1
		const hash = hashOf(id)
		const { table, mask, records } = this
		let slot = hash & mask
		for (let probes = 0; probes < MAX_PROBES; probes++) {
			const entry = table[slot * 2]!
			if (entry === 0) return -1
			if (table[slot * 2 + 1] === hash && records[entry - 1]!.id === id) return entry - 1
			slot = (slot + 1) & mask
		}
		this.useMap()
		return this.get(id)
	}

	/** Records `id` at `position` unless it is there already: -1 if added, else its position. */
	add(id: string, position: number): number {
		if (this.map) {
			const known = this.map.get(id)
			if (known !== undefined) return known
			this.map.set(id, position)
			return -1
		}
		if ((this.count + 1) * 2 > this.mask + 1) this.grow()
		const hash = hashOf(id)
		const { table, mask, records } = this
		let slot = hash & mask
		for (let probes = 0; probes < MAX_PROBES; probes++) {
			const entry = table[slot * 2]!
			if (entry === 0) {
				table[slot * 2] = position + 1
				table[slot * 2 + 1] = hash
				this.count++
				return -1
			}
			if (table[slot * 2 + 1] === hash && records[entry - 1]!.id === id) return entry - 1
			slot = (slot + 1) & mask
		}
		this.useMap()
		return this.add(id, position)
	}

	/** True once the index has fallen back to a `Map` (for tests). */
	get usesMap(): boolean {
		return this.map !== null
	}

	private grow(): void {
		const old = this.table
		this.table = new Int32Array(old.length * 2)
		this.mask = this.mask * 2 + 1
		this.count = 0
		for (let i = 0; i < old.length; i += 2) {
			const entry = old[i]!
			if (entry === 0) continue
			let slot = old[i + 1]! & this.mask
			while (this.table[slot * 2] !== 0) slot = (slot + 1) & this.mask
			this.table[slot * 2] = entry
			this.table[slot * 2 + 1] = old[i + 1]!
			this.count++
		}
	}

	private useMap(): void {
		const map = new Map<string, number>()
		const { table, records } = this
		for (let i = 0; i < table.length; i += 2) {
			const entry = table[i]!
			if (entry !== 0) map.set(records[entry - 1]!.id, entry - 1)
		}
		this.map = map
		this.table = new Int32Array(0)
	}
}

/**
 * FNV-1a over the whole id, with a final mix so the low bits (the slot) depend on every
 * character. (Hashing only the end of ids was tried: ids such as `binding:arrow12-start` then
 * collide by the thousand.)
 */
export function hashOf(id: string): number {
	let hash = 0x811c9dc5 | 0
	for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193)
	hash ^= hash >>> 15
	hash = Math.imul(hash, 0x2c1b3c6d)
	return hash ^ (hash >>> 12)
}
