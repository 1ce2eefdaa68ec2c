/**
 * Fan-out of a room's messages between relay processes. A relay publishes every document or
 * awareness update that one of its own connections sent (the whole y-websocket frame), and
 * receives what other relays published for the rooms it has loaded. With one process there is
 * no one to tell: `InProcessRoomBus` connects relays that share one Node process (and tests the
 * seam); a Redis-streams bus would implement the same two calls.
 */
export interface RoomBus {
	join(roomId: string, deliver: (frame: Uint8Array) => void): RoomBusMembership
}

export interface RoomBusMembership {
	/** Sends a frame to every other member of the room. */
	publish(frame: Uint8Array): void
	leave(): void
}

export class InProcessRoomBus implements RoomBus {
	private readonly rooms = new Map<string, Set<(frame: Uint8Array) => void>>()

	join(roomId: string, deliver: (frame: Uint8Array) => void): RoomBusMembership {
		let members = this.rooms.get(roomId)
		if (!members) this.rooms.set(roomId, (members = new Set()))
		const set = members
		set.add(deliver)
		return {
			publish: (frame) => {
				if (set.size < 2) return
				for (const member of set) if (member !== deliver) member(frame)
			},
			leave: () => {
				set.delete(deliver)
				if (set.size === 0 && this.rooms.get(roomId) === set) this.rooms.delete(roomId)
			},
		}
	}
}
