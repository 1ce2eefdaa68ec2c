/** Y transaction origins, so each side can tell its own writes from everyone else's. */

/** This client's edits, made through the tldraw store. Tracked by the undo manager. */
export const LOCAL_ORIGIN = Symbol('delivery-map:local')
/** This client writing the store's initial records into an empty document. Not undoable. */
export const SEED_ORIGIN = Symbol('delivery-map:seed')
/** Loading this device's saved copy from IndexedDB. */
export const DEVICE_ORIGIN = Symbol('delivery-map:device')
