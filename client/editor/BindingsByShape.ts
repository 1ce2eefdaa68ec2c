import {
	atom,
	type Atom,
	type RecordsDiff,
	type TLBinding,
	type TLRecord,
	type TLStore,
} from 'tldraw'
import { followStoreHistory } from './followStoreHistory'
import { PerStore } from './PerStore'

const none: readonly TLBinding[] = Object.freeze([])

/**
 * The bindings that involve each shape (from it or to it), one atom per shape, kept in step with
 * the store as each change is written.
 *
 * tldraw keeps this index as one value derived from the store's history. Every arrow reads its
 * bindings through it, so every change to any record (a title typed on a card) reached every
 * arrow on the page: on a map with 1,666 arrows, each edit woke about 6,700 effects, each finding
 * nothing to do, and that was most of what the edit cost. With an atom per shape, an arrow depends
 * on its own bindings only. `patchEditor` makes the editor read bindings from here.
 *
 * The atoms change in the same transaction as the store (from the store's history atom, which
 * every put and remove sets, with the diff, before anything can read the result), so a reader
 * never sees them out of step, and a rolled-back transaction rolls them back with the records.
 */
export class BindingsByShape {
	private readonly atoms = new Map<string, Atom<readonly TLBinding[]>>()

	private static readonly stores = new PerStore((store) => new BindingsByShape(store))

	/** Starts tracking a store's bindings (once per store); reads go through `of`. */
	static track(store: TLStore): BindingsByShape {
		return BindingsByShape.stores.track(store)
	}

	/** The index of a tracked store, if it is tracked. */
	static of(store: TLStore): BindingsByShape | undefined {
		return BindingsByShape.stores.of(store)
	}

	private constructor(store: TLStore) {
		const lists = new Map<string, TLBinding[]>()
		const list = (id: string) => lists.get(id) ?? lists.set(id, []).get(id)!
		for (const record of store.allRecords()) {
			if (record.typeName !== 'binding') continue
			list(record.fromId).push(record)
			if (record.toId !== record.fromId) list(record.toId).push(record)
		}
		for (const [id, bindings] of lists) this.atoms.set(id, atom(`bindings of ${id}`, bindings))

		followStoreHistory(store, (diff) => this.apply(diff))
	}

	/** The bindings from or to a shape (the same array until one of them changes). */
	get(shapeId: string): readonly TLBinding[] {
		return this.atomOf(shapeId).get()
	}

	/**
	 * A shape's atom, made empty if it has none yet. Made empty, then set: a transaction that sets
	 * it and is rolled back restores it to empty.
	 */
	private atomOf(shapeId: string): Atom<readonly TLBinding[]> {
		let shapeAtom = this.atoms.get(shapeId)
		if (!shapeAtom) {
			shapeAtom = atom(`bindings of ${shapeId}`, none)
			this.atoms.set(shapeId, shapeAtom)
		}
		return shapeAtom
	}

	private apply(diff: RecordsDiff<TLRecord>): void {
		for (const id in diff.removed) {
			const record = diff.removed[id as keyof typeof diff.removed]!
			if (record.typeName === 'binding') this.remove(record)
		}
		for (const id in diff.updated) {
			const [before, after] = diff.updated[id as keyof typeof diff.updated]!
			if (before.typeName !== 'binding' || after.typeName !== 'binding') continue
			if (before.fromId !== after.fromId || before.toId !== after.toId) this.remove(before)
			this.put(after)
		}
		for (const id in diff.added) {
			const record = diff.added[id as keyof typeof diff.added]!
			if (record.typeName === 'binding') this.put(record)
		}
	}

	/** Adds a binding to its shapes' lists, or puts its new version where the old one was. */
	private put(binding: TLBinding): void {
		this.putFor(binding.fromId, binding)
		if (binding.toId !== binding.fromId) this.putFor(binding.toId, binding)
	}

	private putFor(shapeId: string, binding: TLBinding): void {
		const shapeAtom = this.atomOf(shapeId)
		const list = shapeAtom.__unsafe__getWithoutCapture()
		const at = list.findIndex((b) => b.id === binding.id)
		if (at >= 0 && list[at] === binding) return
		const next = list.slice()
		if (at >= 0) next[at] = binding
		else next.push(binding)
		shapeAtom.set(next)
	}

	private remove(binding: TLBinding): void {
		for (const shapeId of [binding.fromId, binding.toId]) {
			const shapeAtom = this.atoms.get(shapeId)
			if (!shapeAtom) continue
			const list = shapeAtom.__unsafe__getWithoutCapture()
			if (!list.some((b) => b.id === binding.id)) continue
			const next = list.filter((b) => b.id !== binding.id)
			shapeAtom.set(next.length === 0 ? none : next)
		}
	}
}
