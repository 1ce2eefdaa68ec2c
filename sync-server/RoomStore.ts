/**
 * Where rooms are kept. The relay only talks to this interface, so that another engine
 * (PostgreSQL, say) can be added beside SQLite. Every entry of a room's log carries a sequence
 * number given by the relay; a snapshot replaces the log up to a sequence number. Loading a room
 * is "the snapshot, then every log entry after it, in order", so entries that arrive after a
 * snapshot that already covers them are harmless.
 */
export interface StoredRoom {
	/** Yjs update holding the whole document up to `snapshotSeq`, or null before the first compaction. */
	snapshot: Uint8Array | null
	snapshotSeq: number
	/** Yjs updates after the snapshot, in sequence order. */
	updates: Uint8Array[]
	/** Highest sequence number stored (snapshot or log); the relay continues after it. */
	lastSeq: number
}

export interface LogEntry {
	roomId: string
	seq: number
	update: Uint8Array
}

export interface RoomStore {
	/** A room's stored state; an empty state (no snapshot, no updates, lastSeq 0) for a new room. */
	load(roomId: string): Promise<StoredRoom>
	/** Whether anything was ever stored for this edit id (a log entry or a view link). */
	exists(roomId: string): Promise<boolean>
	/** Appends entries (of several rooms) in one transaction. Resolves once they are durable. */
	append(entries: readonly LogEntry[]): Promise<void>
	/** Stores `snapshot` as the room's state up to `upToSeq` and drops the log entries it covers. */
	compact(roomId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>
	/** The view id of an edit id; with `create`, makes and stores one on first call. */
	viewIdOf(editId: string, create: boolean): Promise<string | undefined>
	/** The edit id a view id watches, if the id is a known view id. */
	editIdOfView(viewId: string): Promise<string | undefined>
	close(): Promise<void>
}
