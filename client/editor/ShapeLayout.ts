import { atom, type Atom, type RecordsDiff, type TLRecord, type TLStore } from 'tldraw'
import { followStoreHistory } from './followStoreHistory'
import { PerStore } from './PerStore'

/**
 * A number that changes whenever shapes change in any way but where they are: a shape added or
 * removed, or changed in anything but its `x` and `y` (its props, parent, z-order, rotation,
 * lock, opacity, meta). Kept in step with the store as each change is written, from the store's
 * history atom (as BindingsByShape is), so it changes in the same transaction as the records and
 * a rolled-back transaction rolls it back.
 *
 * What depends on it redraws when the map's make-up changes, and not when cards are only dragged
 * about (see renderingShapesByLayout).
 */
export class ShapeLayout {
	private readonly version: Atom<number> = atom('shape layout', 0)

	private static readonly stores = new PerStore((store) => new ShapeLayout(store))

	/** Starts following a store's shapes (once per store); reads go through `of`. */
	static track(store: TLStore): ShapeLayout {
		return ShapeLayout.stores.track(store)
	}

	/** The layout of a tracked store, if it is tracked. */
	static of(store: TLStore): ShapeLayout | undefined {
		return ShapeLayout.stores.of(store)
	}

	private constructor(store: TLStore) {
		followStoreHistory(store, (diff) => {
			if (changesLayout(diff)) this.version.set(this.version.__unsafe__getWithoutCapture() + 1)
		})
	}

	/** The current version (read it to depend on it). */
	get(): number {
		return this.version.get()
	}
}

function changesLayout(diff: RecordsDiff<TLRecord>): boolean {
	for (const id in diff.added) {
		if (diff.added[id as keyof typeof diff.added]!.typeName === 'shape') return true
	}
	for (const id in diff.removed) {
		if (diff.removed[id as keyof typeof diff.removed]!.typeName === 'shape') return true
	}
	for (const id in diff.updated) {
		const [before, after] = diff.updated[id as keyof typeof diff.updated]!
		if (after.typeName === 'shape' && !sameButPlace(before, after)) return true
	}
	return false
}

/** True when two versions of a record differ in `x` and `y` at most. */
function sameButPlace(a: object, b: object): boolean {
	const keys = Object.keys(b)
	if (Object.keys(a).length !== keys.length) return false
	for (const key of keys) {
		if (key === 'x' || key === 'y') continue
		if ((a as Record<string, unknown>)[key] !== (b as Record<string, unknown>)[key]) return false
	}
	return true
}
