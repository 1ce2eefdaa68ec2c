import { atom, type Atom, type RecordsDiff, type TLRecord, type TLStore } from 'tldraw'
import * as Y from 'yjs'
import { compareSchemas, type SchemaRelation } from './compareSchemas'
import { LOCAL_ORIGIN, SEED_ORIGIN } from './origins'
import {
	recordToYMap,
	shareUnchanged,
	SYNCED_TYPE_NAMES,
	updateYMap,
	yMapToRecord,
	type PlainRecord,
} from './yRecords'

export interface YStoreBindingOptions {
	/** False for view links: this client never writes to the document. */
	canWrite: boolean
}

/**
 * Keeps a tldraw store and a room's Y.Doc in step (layout in ARCHITECTURE.md). Local edits go to
 * the doc field by field with the LOCAL origin; everything else that changes the doc (peers, the
 * undo manager, the saved copy) goes back into the store through `mergeRemoteChanges`, so it is
 * never echoed. A doc written with another tldraw schema is shown but never written to.
 */
export class YStoreBinding {
	readonly records: Y.Map<Y.Map<unknown>>
	readonly meta: Y.Map<unknown>
	/** How the document's schema relates to ours; anything but 'same' stops all writes. */
	readonly schemaRelation: Atom<SchemaRelation | 'empty'>
	/** Records from the document that this client could not read, by id (kept in the doc). */
	readonly unreadableRecords = new Map<string, string>()

	private readonly ourSchema: ReturnType<TLStore['schema']['serialize']>
	private readonly ourSchemaJson: string
	private readonly dirtyIds = new Set<string>()
	private flushScheduled = false
	/** Doc changes were applied since the last animation frame started. */
	private appliedThisFrame = false
	private disposers: Array<() => void> = []
	private started = false

	constructor(
		readonly store: TLStore,
		readonly doc: Y.Doc,
		readonly options: YStoreBindingOptions
	) {
		this.records = doc.getMap('records')
		this.meta = doc.getMap('meta')
		this.ourSchema = store.schema.serialize()
		this.ourSchemaJson = JSON.stringify(this.ourSchema)
		this.schemaRelation = atom('schemaRelation', this.readSchemaRelation())
	}

	/** True when this client may write: an edit link and a document of our schema (or none yet). */
	canWrite(): boolean {
		const relation = this.schemaRelation.get()
		return this.options.canWrite && (relation === 'same' || relation === 'empty')
	}

	/** Replaces the store's document records with the doc's. Call before the editor mounts. */
	loadFromDoc() {
		if (this.records.size === 0) return
		const docRecords: TLRecord[] = []
		const keep = new Set<string>()
		for (const [id, value] of this.records) {
			const record = this.readRecord(id, value)
			if (!record) continue
			keep.add(record.id)
			if (record !== this.store.get(record.id)) docRecords.push(record)
		}
		const stale = this.store
			.allRecords()
			.filter((r) => SYNCED_TYPE_NAMES.has(r.typeName) && !keep.has(r.id))
			.map((r) => r.id)
		this.store.mergeRemoteChanges(() => {
			if (stale.length > 0) this.store.remove(stale)
			if (docRecords.length > 0) this.store.put(docRecords)
		})
	}

	/** Starts syncing both ways. Seeds an empty document with the store's records if writable. */
	start() {
		if (this.started) return
		this.started = true
		this.loadFromDoc()
		this.seedIfEmpty()

		const onDeep = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, txn: Y.Transaction) => {
			if (txn.origin === LOCAL_ORIGIN || txn.origin === SEED_ORIGIN) return
			for (const event of events) {
				const id = event.path[0]
				if (typeof id === 'string') this.dirtyIds.add(id)
				else for (const key of event.changes.keys.keys()) this.dirtyIds.add(key)
			}
			this.scheduleFlush()
		}
		this.records.observeDeep(onDeep)
		this.disposers.push(() => this.records.unobserveDeep(onDeep))

		const onMeta = () => {
			this.schemaRelation.set(this.readSchemaRelation())
		}
		this.meta.observe(onMeta)
		this.disposers.push(() => this.meta.unobserve(onMeta))

		this.disposers.push(
			this.store.listen(({ changes }) => this.writeLocalChanges(changes), {
				source: 'user',
				scope: 'document',
			})
		)
	}

	dispose() {
		for (const dispose of this.disposers.splice(0)) dispose()
	}

	/** Writes any store changes still waiting for the next frame into the doc now. */
	flushLocalChanges() {
		this.store._flushHistory()
	}

	/** Applies doc changes queued by the observer (also runs on its own in a microtask). */
	applyPendingDocChanges() {
		this.flushScheduled = false
		if (this.dirtyIds.size === 0) return
		// Our own unsent edits go into the doc first, so what we read back includes them.
		this.flushLocalChanges()
		const ids = [...this.dirtyIds]
		this.dirtyIds.clear()
		const puts: TLRecord[] = []
		const removes: TLRecord['id'][] = []
		for (const id of ids) {
			const value = this.records.get(id)
			if (value === undefined) {
				const existing = this.store.get(id as TLRecord['id'])
				if (existing && SYNCED_TYPE_NAMES.has(existing.typeName)) removes.push(existing.id)
				continue
			}
			const record = this.readRecord(id, value)
			if (record && record !== this.store.get(record.id)) puts.push(record)
		}
		if (puts.length === 0 && removes.length === 0) return
		this.store.mergeRemoteChanges(() => {
			if (removes.length > 0) this.store.remove(removes)
			if (puts.length > 0) this.store.put(puts)
		})
	}

	/**
	 * When doc changes from peers reach the store. Not inside a requestAnimationFrame callback:
	 * the work they cause (tldraw and React re-rendering the moved shapes) would then land in the
	 * frame's own rendering and make it late. Instead they are applied in a task of their own as
	 * soon as they arrive, the way tldraw handles a local change, and at most once per frame:
	 * changes that arrive after one was applied in the current frame wait until that frame has
	 * been drawn, then are applied together. A hidden page gets no frames, so it applies them on
	 * a timer (its store is still what gets saved and undone).
	 */
	private scheduleFlush() {
		if (this.flushScheduled) return
		this.flushScheduled = true
		if (typeof document === 'undefined') {
			queueMicrotask(() => this.applyPendingDocChanges())
			return
		}
		const apply = () => {
			if (!this.flushScheduled) return
			this.appliedThisFrame = true
			requestAnimationFrame(this.frameStarted)
			this.applyPendingDocChanges()
		}
		if (document.visibilityState === 'hidden') setTimeout(apply, 0)
		else if (!this.appliedThisFrame) runSoon(apply)
		else requestAnimationFrame(() => runSoon(apply))
	}

	private frameStarted = () => {
		this.appliedThisFrame = false
	}

	private readSchemaRelation(): SchemaRelation | 'empty' {
		const docSchema = this.meta.get('schema')
		if (docSchema === undefined) return 'empty'
		return compareSchemas(this.ourSchema, docSchema)
	}

	private seedIfEmpty() {
		if (!this.canWrite() || this.records.size > 0) return
		const records = this.store.allRecords().filter((r) => SYNCED_TYPE_NAMES.has(r.typeName))
		this.doc.transact(() => {
			for (const record of records) {
				this.records.set(record.id, recordToYMap(record as unknown as PlainRecord))
			}
			this.writeSchema()
		}, SEED_ORIGIN)
	}

	private writeSchema() {
		const current = this.meta.get('schema')
		if (current !== undefined && JSON.stringify(current) === this.ourSchemaJson) return
		this.meta.set('schema', this.ourSchema)
		this.schemaRelation.set('same')
	}

	private writeLocalChanges(changes: RecordsDiff<TLRecord>) {
		if (!this.canWrite()) return
		this.doc.transact(() => {
			for (const record of Object.values(changes.added)) {
				if (!SYNCED_TYPE_NAMES.has(record.typeName)) continue
				this.records.set(record.id, recordToYMap(record as unknown as PlainRecord))
			}
			for (const [prev, next] of Object.values(changes.updated)) {
				if (!SYNCED_TYPE_NAMES.has(next.typeName)) continue
				const map = this.records.get(next.id)
				// Deleted by someone else meanwhile: the deletion wins, it arrives on its own.
				if (!(map instanceof Y.Map)) continue
				updateYMap(map, prev as unknown as PlainRecord, next as unknown as PlainRecord)
			}
			for (const record of Object.values(changes.removed)) {
				if (!SYNCED_TYPE_NAMES.has(record.typeName)) continue
				this.records.delete(record.id)
			}
			this.writeSchema()
		}, LOCAL_ORIGIN)
	}

	/**
	 * The store record for a doc entry: migrated from an older schema if need be, and validated.
	 * Anything that does not validate is left in the doc (a newer client may own it) and skipped.
	 */
	private readRecord(id: string, value: unknown): TLRecord | null {
		const plain = yMapToRecord(id, value)
		if (!plain || !SYNCED_TYPE_NAMES.has(plain.typeName)) {
			this.unreadableRecords.set(id, 'not a document record')
			return null
		}
		let record = plain as unknown as TLRecord
		const docSchema = this.meta.get('schema')
		if (this.schemaRelation.get() === 'doc-older' && docSchema !== undefined) {
			const migrated = this.store.schema.migratePersistedRecord(
				record,
				docSchema as Parameters<TLStore['schema']['migratePersistedRecord']>[1]
			)
			if (migrated.type === 'error') {
				this.unreadableRecords.set(id, `cannot migrate: ${migrated.reason}`)
				return null
			}
			record = migrated.value
		}
		const before = this.store.get(record.id) ?? null
		record = shareUnchanged(
			before as unknown as PlainRecord | undefined,
			record as unknown as PlainRecord
		) as unknown as TLRecord
		if (record === before) return before
		try {
			const valid = this.store.schema.validateRecord(
				this.store,
				record,
				before ? 'updateRecord' : 'createRecord',
				before
			)
			this.unreadableRecords.delete(id)
			return valid
		} catch (error) {
			this.unreadableRecords.set(id, error instanceof Error ? error.message : String(error))
			return null
		}
	}
}

/** Runs `callback` in a task of its own, after the current one (sooner than setTimeout's clamp). */
function runSoon(callback: () => void) {
	const channel = new MessageChannel()
	channel.port1.onmessage = () => {
		channel.port1.close()
		callback()
	}
	channel.port2.postMessage(null)
}
