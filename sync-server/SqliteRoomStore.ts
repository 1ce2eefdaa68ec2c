import Database from 'better-sqlite3'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { newRoomId } from '../shared/roomId'
import type { LogEntry, RoomStore, StoredRoom } from './RoomStore'

const SCHEMA_VERSION = 1

/** Thrown when the data folder cannot be used; the message says what to do. */
export class DataDirError extends Error {
	override name = 'DataDirError'
}

/**
 * Rooms in one SQLite file (`relay.sqlite` in the data folder), WAL mode. `rooms` holds the view
 * id and the latest snapshot of each room; `updates` the log entries after it.
 */
export class SqliteRoomStore implements RoomStore {
	readonly file: string
	private readonly db: Database.Database
	/** Held for the store's lifetime: a second relay on the same folder cannot start. */
	private readonly lock: Database.Database
	private readonly stmts: ReturnType<typeof prepare>
	private readonly appendMany: (entries: readonly LogEntry[]) => void
	private readonly compactTx: (roomId: string, snapshot: Uint8Array, upToSeq: number) => void

	/** Opens (or creates) the database; throws a `DataDirError` if the folder is not usable. */
	constructor(dataDir: string, options: { synchronous?: 'NORMAL' | 'FULL' } = {}) {
		const dir = resolve(dataDir)
		this.file = join(dir, 'relay.sqlite')
		try {
			mkdirSync(dir, { recursive: true })
			const probe = join(dir, `.write-test-${process.pid}`)
			writeFileSync(probe, 'ok')
			rmSync(probe)
			this.lock = takeFolderLock(dir)
			this.db = new Database(this.file)
			this.db.pragma('journal_mode = WAL')
			this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`)
			this.db.pragma('busy_timeout = 5000')
			migrate(this.db)
		} catch (error) {
			const reason = error instanceof Error ? error.message : String(error)
			throw new DataDirError(
				`Cannot use the data folder ${dir} (DATA_DIR): ${reason}. ` +
					'Make the folder writable by the user running the relay, or set DATA_DIR to another folder.'
			)
		}
		this.stmts = prepare(this.db)
		const stmts = this.stmts
		this.appendMany = this.db.transaction((entries: readonly LogEntry[]) => {
			const now = Date.now()
			let last = ''
			for (const entry of entries) {
				if (entry.roomId !== last) {
					stmts.ensureRoom.run(entry.roomId, now)
					last = entry.roomId
				}
				stmts.insertUpdate.run(entry.roomId, entry.seq, asBuffer(entry.update))
			}
		})
		this.compactTx = this.db.transaction(
			(roomId: string, snapshot: Uint8Array, upToSeq: number) => {
				stmts.ensureRoom.run(roomId, Date.now())
				stmts.setSnapshot.run(asBuffer(snapshot), upToSeq, roomId, upToSeq)
				stmts.deleteUpdates.run(roomId, upToSeq)
			}
		)
	}

	async load(roomId: string): Promise<StoredRoom> {
		return this.loadSync(roomId)
	}

	loadSync(roomId: string): StoredRoom {
		const row = this.stmts.getRoom.get(roomId) as RoomRow | undefined
		const snapshotSeq = row?.snapshot_seq ?? 0
		const rows = this.stmts.getUpdates.all(roomId, snapshotSeq) as UpdateRow[]
		const last = rows.length > 0 ? rows[rows.length - 1]!.seq : 0
		return {
			snapshot: row?.snapshot ? new Uint8Array(row.snapshot) : null,
			snapshotSeq,
			updates: rows.map((r) => new Uint8Array(r.data)),
			lastSeq: Math.max(snapshotSeq, last),
		}
	}

	async exists(roomId: string): Promise<boolean> {
		return this.stmts.getRoom.get(roomId) !== undefined
	}

	async append(entries: readonly LogEntry[]): Promise<void> {
		if (entries.length > 0) this.appendMany(entries)
	}

	async compact(roomId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
		this.compactTx(roomId, snapshot, upToSeq)
	}

	async viewIdOf(editId: string, create: boolean): Promise<string | undefined> {
		const row = this.stmts.getRoom.get(editId) as RoomRow | undefined
		if (row?.view_id) return row.view_id
		if (!create) return undefined
		let viewId = newRoomId()
		while (this.stmts.idTaken.get(viewId, viewId) !== undefined) viewId = newRoomId()
		this.stmts.ensureRoom.run(editId, Date.now())
		this.stmts.setViewId.run(viewId, editId)
		return viewId
	}

	async editIdOfView(viewId: string): Promise<string | undefined> {
		const row = this.stmts.getByViewId.get(viewId) as { id: string } | undefined
		return row?.id
	}

	async close(): Promise<void> {
		if (this.db.open) this.db.close()
		if (this.lock.open) this.lock.close()
	}
}

function asBuffer(bytes: Uint8Array): Buffer {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

interface RoomRow {
	id: string
	view_id: string | null
	snapshot: Buffer | null
	snapshot_seq: number
}

interface UpdateRow {
	seq: number
	data: Buffer
}

/**
 * An exclusive SQLite lock on `relay.lock` in the folder. The operating system drops it when the
 * process ends, however it ends, so a killed relay never leaves a stale lock behind.
 */
function takeFolderLock(dir: string): Database.Database {
	const lock = new Database(join(dir, 'relay.lock'))
	try {
		lock.pragma('busy_timeout = 0')
		lock.pragma('locking_mode = EXCLUSIVE')
		lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); BEGIN EXCLUSIVE')
		return lock
	} catch (error) {
		lock.close()
		const busy = error instanceof Error && /locked|busy/i.test(error.message)
		throw new Error(busy ? 'another relay is already using this folder' : String(error))
	}
}

function migrate(db: Database.Database): void {
	const version = db.pragma('user_version', { simple: true }) as number
	if (version > SCHEMA_VERSION) {
		throw new Error(`the database was written by a newer relay (schema ${version})`)
	}
	db.exec(`
		CREATE TABLE IF NOT EXISTS rooms (
			id TEXT PRIMARY KEY,
			view_id TEXT UNIQUE,
			created_at INTEGER NOT NULL,
			snapshot BLOB,
			snapshot_seq INTEGER NOT NULL DEFAULT 0
		);
		CREATE TABLE IF NOT EXISTS updates (
			room_id TEXT NOT NULL,
			seq INTEGER NOT NULL,
			data BLOB NOT NULL,
			PRIMARY KEY (room_id, seq)
		);
	`)
	db.pragma(`user_version = ${SCHEMA_VERSION}`)
}

function prepare(db: Database.Database) {
	return {
		getRoom: db.prepare('SELECT id, view_id, snapshot, snapshot_seq FROM rooms WHERE id = ?'),
		getByViewId: db.prepare('SELECT id FROM rooms WHERE view_id = ?'),
		idTaken: db.prepare('SELECT 1 FROM rooms WHERE id = ? OR view_id = ?'),
		ensureRoom: db.prepare('INSERT OR IGNORE INTO rooms (id, created_at) VALUES (?, ?)'),
		setViewId: db.prepare('UPDATE rooms SET view_id = ? WHERE id = ? AND view_id IS NULL'),
		insertUpdate: db.prepare('INSERT OR IGNORE INTO updates (room_id, seq, data) VALUES (?, ?, ?)'),
		setSnapshot: db.prepare(
			'UPDATE rooms SET snapshot = ?, snapshot_seq = ? WHERE id = ? AND snapshot_seq <= ?'
		),
		deleteUpdates: db.prepare('DELETE FROM updates WHERE room_id = ? AND seq <= ?'),
		getUpdates: db.prepare(
			'SELECT seq, data FROM updates WHERE room_id = ? AND seq > ? ORDER BY seq'
		),
	}
}
