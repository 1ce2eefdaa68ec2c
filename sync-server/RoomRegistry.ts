import * as Y from 'yjs'
import type { Connection } from './Connection'
import { Room, type RoomDeps } from './Room'

/** Thrown by `open` when `maxRooms` rooms are already loaded. */
export class TooManyRoomsError extends Error {
	override name = 'TooManyRoomsError'
}

/** Thrown by `enter` when the room has `maxConnectionsPerRoom` connections. */
export class RoomFullError extends Error {
	override name = 'RoomFullError'
}

/**
 * The rooms held in memory: loaded on first connection, unloaded (after their updates are
 * written and a snapshot taken) once they had no connection for `roomIdleMs`.
 */
export class RoomRegistry {
	private readonly rooms = new Map<string, Room>()
	private readonly idleTimers = new Map<string, NodeJS.Timeout>()
	private readonly unloading = new Map<string, Promise<void>>()

	constructor(
		private readonly deps: RoomDeps,
		private readonly options: { maxRooms: number; roomIdleMs: number }
	) {}

	get size(): number {
		return this.rooms.size
	}

	/**
	 * Loads the room if needed, then adds the connection to it in the same step (so an unload
	 * cannot slip in between). Throws `TooManyRoomsError` or `RoomFullError`.
	 */
	async enter(roomId: string, conn: Connection, maxConnections: number): Promise<Room> {
		const room = await this.open(roomId)
		if (conn.closed) {
			if (room.conns.size === 0) this.scheduleIdle(room)
			return room
		}
		if (room.conns.size >= maxConnections) {
			if (room.conns.size === 0) this.scheduleIdle(room)
			throw new RoomFullError('room full')
		}
		this.cancelIdle(room.id)
		room.add(conn)
		conn.attach(
			(c, data) => room.handle(c, data),
			(c) => {
				room.remove(c)
				if (room.conns.size === 0) this.scheduleIdle(room)
			}
		)
		return room
	}

	private async open(roomId: string): Promise<Room> {
		for (;;) {
			const unloading = this.unloading.get(roomId)
			if (unloading) {
				await unloading
				continue
			}
			const existing = this.rooms.get(roomId)
			if (!existing) break
			this.cancelIdle(roomId)
			await existing.ready
			if (!this.unloading.has(roomId) && this.rooms.get(roomId) === existing) return existing
		}
		if (this.rooms.size >= this.options.maxRooms)
			throw new TooManyRoomsError('too many rooms loaded')
		const room = new Room(roomId, this.deps)
		this.rooms.set(roomId, room)
		this.deps.metrics.roomsLoaded = this.rooms.size
		try {
			await room.ready
			this.deps.log.debug('room loaded', { room: roomId, rooms: this.rooms.size })
		} catch (error) {
			this.rooms.delete(roomId)
			this.deps.metrics.roomsLoaded = this.rooms.size
			room.destroy()
			throw error
		}
		return room
	}

	/** A loaded room, if any (for the plan API, which must see unsaved changes too). */
	loaded(roomId: string): Room | undefined {
		return this.rooms.get(roomId)
	}

	/** The current document of a room, whether loaded or not (a throwaway copy when not). */
	async readDoc(roomId: string): Promise<Y.Doc> {
		const room = this.rooms.get(roomId)
		if (room) {
			await room.ready
			return room.doc
		}
		const stored = await this.deps.store.load(roomId)
		const doc = new Y.Doc()
		doc.transact(() => {
			for (const part of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) {
				try {
					Y.applyUpdate(doc, part)
				} catch {
					// an unreadable entry is skipped here as when loading the room
				}
			}
		})
		return doc
	}

	forEach(fn: (room: Room) => void): void {
		for (const room of this.rooms.values()) fn(room)
	}

	/** Writes everything and unloads every room (at shutdown). */
	async closeAll(): Promise<void> {
		for (const timer of this.idleTimers.values()) clearTimeout(timer)
		this.idleTimers.clear()
		await Promise.allSettled([...this.unloading.values()])
		await this.deps.queue.flush()
		for (const room of [...this.rooms.values()]) {
			await room.ready.catch(() => undefined)
			if (room.hasLog) await room.compact().catch(() => undefined)
			room.destroy()
			this.rooms.delete(room.id)
		}
		this.deps.metrics.roomsLoaded = 0
	}

	private scheduleIdle(room: Room): void {
		this.cancelIdle(room.id)
		const timer = setTimeout(() => {
			this.idleTimers.delete(room.id)
			if (room.conns.size > 0) return
			const done = this.unload(room).finally(() => this.unloading.delete(room.id))
			this.unloading.set(room.id, done)
		}, this.options.roomIdleMs)
		timer.unref()
		this.idleTimers.set(room.id, timer)
	}

	private cancelIdle(roomId: string): void {
		const timer = this.idleTimers.get(roomId)
		if (timer) {
			clearTimeout(timer)
			this.idleTimers.delete(roomId)
		}
	}

	private async unload(room: Room): Promise<void> {
		try {
			await this.deps.queue.flush()
			if (room.hasLog && room.conns.size === 0) await room.compact()
		} catch (error) {
			this.deps.log.error('could not snapshot an idle room; it stays loaded', {
				room: room.id,
				error: String(error),
			})
			return
		}
		// Someone joined while we wrote: keep the room (it is intact and loaded).
		if (room.conns.size > 0 || this.rooms.get(room.id) !== room) return
		this.rooms.delete(room.id)
		room.destroy()
		this.deps.metrics.roomsLoaded = this.rooms.size
		this.deps.log.debug('room unloaded', { room: room.id })
	}
}
