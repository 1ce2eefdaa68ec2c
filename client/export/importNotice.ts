/**
 * What opening a file into a new map found, carried over to the new map's page (same tab, so
 * sessionStorage) and shown there once.
 */
const KEY_PREFIX = 'delivery-map:import-notice:'

export function stashImportNotice(roomId: string, notice: string) {
	try {
		sessionStorage.setItem(KEY_PREFIX + roomId, notice)
	} catch {
		// Storage disabled: the new map opens without the note.
	}
}

/** The note left for this room, removed as it is read (a reload does not show it again). */
export function takeImportNotice(roomId: string): string | null {
	try {
		const notice = sessionStorage.getItem(KEY_PREFIX + roomId)
		if (notice !== null) sessionStorage.removeItem(KEY_PREFIX + roomId)
		return notice
	} catch {
		return null
	}
}

/** Whether a note waits for this room: it was just made from a file. Leaves the note in place. */
export function hasImportNotice(roomId: string): boolean {
	try {
		return sessionStorage.getItem(KEY_PREFIX + roomId) !== null
	} catch {
		return false
	}
}
