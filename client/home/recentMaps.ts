import { isRoomId } from '../../shared/roomId'

const RECENT_KEY = 'delivery-map:recent-maps'
const MAX_RECENT = 30

export interface RecentMap {
	kind: 'edit' | 'view'
	roomId: string
	/** ISO timestamp of the last time this device opened it. */
	openedAt: string
}

/** The maps opened on this device, most recent first. Ignores anything malformed in storage. */
export function recentMaps(): RecentMap[] {
	let raw: unknown
	try {
		raw = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]')
	} catch {
		return []
	}
	if (!Array.isArray(raw)) return []
	return raw.filter(
		(entry): entry is RecentMap =>
			typeof entry === 'object' &&
			entry !== null &&
			(entry.kind === 'edit' || entry.kind === 'view') &&
			isRoomId(entry.roomId) &&
			typeof entry.openedAt === 'string'
	)
}

export function rememberMap(kind: 'edit' | 'view', roomId: string) {
	const others = recentMaps().filter((m) => !(m.kind === kind && m.roomId === roomId))
	const next = [{ kind, roomId, openedAt: new Date().toISOString() }, ...others].slice(
		0,
		MAX_RECENT
	)
	try {
		localStorage.setItem(RECENT_KEY, JSON.stringify(next))
	} catch {
		// Storage full or disabled: the list is a convenience, the map itself is unaffected.
	}
}

export function forgetMap(kind: 'edit' | 'view', roomId: string) {
	const next = recentMaps().filter((m) => !(m.kind === kind && m.roomId === roomId))
	try {
		localStorage.setItem(RECENT_KEY, JSON.stringify(next))
	} catch {
		// As above.
	}
}
