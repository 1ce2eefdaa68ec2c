/**
 * What the relay and the client agree on beyond the standard y-websocket protocol: the socket
 * path, the extra message type that tells a client its role, and the named close codes.
 * One table, imported by both sides.
 */

/** WebSocket path prefix: a client connects to `/sync/<roomId>` (y-websocket's serverUrl `/sync`). */
export const SYNC_PATH = '/sync'

/**
 * Optional query parameter of the socket URL. A view page connects to `/sync/<viewId>?role=view`
 * (y-websocket option `params: { [ROLE_PARAM]: 'view' }`) so that an unknown view id is refused
 * with `unknownViewId` instead of opening a new, editable room under that id.
 */
export const ROLE_PARAM = 'role'

/** y-websocket message types (y-websocket's own numbering) plus ours. */
export const messageType = {
	sync: 0,
	awareness: 1,
	auth: 2,
	queryAwareness: 3,
	/** Ours: relay → client, a varString of JSON `{ "role": "edit" | "view" }`. Sent to view clients. */
	roomRole: 100,
} as const

export type RoomRole = 'edit' | 'view'

/** Close codes in the 4000-4999 application range, shared by relay and client. */
export const closeCodes = {
	invalidRoomId: { code: 4400, reason: 'invalid-room-id' },
	unknownViewId: { code: 4404, reason: 'unknown-view-id' },
	frameTooLarge: { code: 4413, reason: 'frame-too-large' },
	malformedMessage: { code: 4422, reason: 'malformed-message' },
	rateLimited: { code: 4429, reason: 'rate-limited' },
	roomFull: { code: 4430, reason: 'room-full' },
	tooManyRooms: { code: 4503, reason: 'too-many-rooms' },
	tooManyConnections: { code: 4504, reason: 'too-many-connections' },
	documentTooLarge: { code: 4507, reason: 'document-too-large' },
	slowConsumer: { code: 4508, reason: 'slow-consumer' },
	/** Presence (awareness) over the relay's limits: too many client ids or too large a state. */
	awarenessTooLarge: { code: 4509, reason: 'awareness-too-large' },
	serverShuttingDown: { code: 4001, reason: 'server-shutting-down' },
	serverError: { code: 4500, reason: 'server-error' },
} as const

export type CloseCodeName = keyof typeof closeCodes

/** What to tell a person when the relay closed their connection with this code. */
export const closeCodeMessages: Record<CloseCodeName, string> = {
	invalidRoomId: 'This link is not a valid map link. Check that it was copied whole.',
	unknownViewId: 'This view link is not known to the server.',
	frameTooLarge: 'A change was too large for the server to accept; it is kept on this device.',
	malformedMessage: 'The server could not read a message from this device and disconnected it.',
	rateLimited:
		'Too many changes too quickly; reconnecting shortly. Your work is kept on this device.',
	roomFull: 'This map has too many people connected right now. Try again in a moment.',
	tooManyRooms: 'The server is busy. Your work is kept on this device and will sync later.',
	tooManyConnections: 'The server is busy. Your work is kept on this device and will sync later.',
	documentTooLarge: 'This map has reached the size limit of the server.',
	slowConsumer: 'The connection was too slow to keep up; reconnecting.',
	awarenessTooLarge:
		'Your live presence (cursor, selection) was too large for the server; reconnecting. Your work is kept.',
	serverShuttingDown: 'The server is restarting; reconnecting shortly.',
	serverError: 'The server had a problem with this map; reconnecting.',
}

export function closeCodeName(code: number): CloseCodeName | undefined {
	for (const [name, value] of Object.entries(closeCodes)) {
		if (value.code === code) return name as CloseCodeName
	}
	return undefined
}
