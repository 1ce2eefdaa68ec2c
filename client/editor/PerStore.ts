import type { TLStore } from 'tldraw'

/** One value per store, made the first time a store is tracked (BindingsByShape, ShapeLayout). */
export class PerStore<T> {
	private readonly byStore = new WeakMap<TLStore, T>()

	constructor(private readonly make: (store: TLStore) => T) {}

	/** The store's value, made now if it has none. */
	track(store: TLStore): T {
		let value = this.byStore.get(store)
		if (value === undefined) {
			value = this.make(store)
			this.byStore.set(store, value)
		}
		return value
	}

	/** The store's value, if it is tracked. */
	of(store: TLStore): T | undefined {
		return this.byStore.get(store)
	}
}
