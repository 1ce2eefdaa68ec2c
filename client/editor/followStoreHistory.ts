import type { RecordsDiff, TLRecord, TLStore } from 'tldraw'

/**
 * Calls `apply` with each change's diff as the store writes it: from the store's history atom,
 * which in tldraw 5.4.2 every put and remove sets, with the diff, before anything can read the
 * result. What `apply` sets in atoms therefore changes in the same transaction as the records,
 * and a rolled-back transaction (which sets the history atom without a diff) rolls it back with
 * them. This relies on tldraw's internals: check it on any upgrade (the tests of BindingsByShape
 * and ShapeLayout fail if it stops holding).
 */
export function followStoreHistory(
	store: TLStore,
	apply: (diff: RecordsDiff<TLRecord>) => void
): void {
	const history = store.history
	const set = history.set
	history.set = (value, diff) => {
		const result = set.call(history, value, diff)
		if (diff) apply(diff)
		return result
	}
}
