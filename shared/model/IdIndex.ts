/** Probes one lookup may take before the index gives up on its hash and uses a `Map` instead. */
const MAX_PROBES = 48
/**
 * A slot holds position + 1 in its low 24 bits and the top 8 bits of the id's hash above them,
 * so that most ids that are not the one sought are passed over without reading their record.
 * Lists of 16 million records and more use a `Map`.
 */
const POSITION_BITS = 0x00ffffff
const MARK_BITS = ~POSITION_BITS
const MAX_POSITION = POSITION_BITS
/** What a probe run longer than MAX_PROBES gives (tables have far fewer than 2^30 slots). */
const GAVE_UP = -(2 ** 30)

/**
 * Where each id sits in a list of records: an open-addressing hash table in one `Int32Array`
 * (a slot: record position + 1, with 8 bits of the id's hash), comparing ids only when those agree.
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
		if (expected >= MAX_POSITION) {
			this.map = new Map()
		} else {
			while (capacity < expected * 2) capacity *= 2
		}
		this.table = new Int32Array(this.map ? 0 : capacity)
		this.mask = capacity - 1
	}

	get size(): number {
		return this.map ? this.map.size : this.count
	}

	/** The position of `id`, or -1. */
	get(id: string): number {
		if (this.map) return this.map.get(id) ?? -1
		const hash = hashOf(id)
		const found = this.probe(id, hash)
		if (found === GAVE_UP) {
			this.useMap()
			return this.get(id)
		}
		return found >= 0 ? found : -1
	}

	/** Records `id` at `position` unless it is there already: -1 if added, else its position. */
	add(id: string, position: number): number {
		if (this.map) {
			const known = this.map.get(id)
			if (known !== undefined) return known
			this.map.set(id, position)
			return -1
		}
		if (position + 1 >= MAX_POSITION) {
			this.useMap()
			return this.add(id, position)
		}
		if ((this.count + 1) * 2 > this.mask + 1) this.grow()
		const hash = hashOf(id)
		const found = this.probe(id, hash)
		if (found === GAVE_UP) {
			this.useMap()
			return this.add(id, position)
		}
		if (found >= 0) return found
		this.table[-found - 1] = (hash & MARK_BITS) | (position + 1)
		this.count++
		return -1
	}

	/**
	 * Walks the probe run of `id` from its home slot: the position of `id` if it is there (0 or
	 * more), else -(the empty slot that ends the run + 1), or GAVE_UP after MAX_PROBES slots.
	 */
	private probe(id: string, hash: number): number {
		const mark = hash & MARK_BITS
		const { table, mask, records } = this
		let slot = hash & mask
		for (let probes = 0; probes < MAX_PROBES; probes++) {
			const entry = table[slot]!
			if (entry === 0) return -slot - 1
			if ((entry & MARK_BITS) === mark) {
				const at = (entry & POSITION_BITS) - 1
				if (records[at]!.id === id) return at
			}
			slot = (slot + 1) & mask
		}
		return GAVE_UP
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
		for (let i = 0; i < old.length; i++) {
			const entry = old[i]!
			if (entry === 0) continue
			// The slot comes from the whole hash, which the entry does not keep: hash the id again.
			let slot = hashOf(this.records[(entry & POSITION_BITS) - 1]!.id) & this.mask
			while (this.table[slot] !== 0) slot = (slot + 1) & this.mask
			this.table[slot] = entry
			this.count++
		}
	}

	private useMap(): void {
		const map = new Map<string, number>()
		const { table, records } = this
		for (let i = 0; i < table.length; i++) {
			const entry = table[i]!
			if (entry !== 0) {
				const at = (entry & POSITION_BITS) - 1
				map.set(records[at]!.id, at)
			}
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
