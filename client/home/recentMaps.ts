import { cleanMapName } from '../../shared/model/mapName'
import { isRoomId } from '../../shared/roomId'

const RECENT_KEY = 'delivery-map:recent-maps'
const MAX_RECENT = 30

export interface RecentMap {
	kind: 'edit' | 'view'
	roomId: string
	/** ISO timestamp of the last time this device opened it. */
	openedAt: string
	/** The map's name when this device last had it open ('' for none yet). */
	name: string
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
	return raw
		.filter(
			(entry): entry is Omit<RecentMap, 'name'> & { name?: unknown } =>
				typeof entry === 'object' &&
				entry !== null &&
				(entry.kind === 'edit' || entry.kind === 'view') &&
				isRoomId(entry.roomId) &&
				typeof entry.openedAt === 'string'
		)
		.map(({ kind, roomId, openedAt, name }) => ({
			kind,
			roomId,
			openedAt,
			// Lists saved before maps had names have none.
			name: typeof name === 'string' ? cleanMapName(name) : '',
		}))
}

function save(list: RecentMap[]) {
	try {
		localStorage.setItem(RECENT_KEY, JSON.stringify(list))
	} catch {
		// Storage full or disabled: the list is a convenience, the map itself is unaffected.
	}
}

/** Puts the map first in the list, keeping the name it was last seen with. */
export function rememberMap(kind: 'edit' | 'view', roomId: string) {
	const list = recentMaps()
	const name = list.find((m) => m.kind === kind && m.roomId === roomId)?.name ?? ''
	const others = list.filter((m) => !(m.kind === kind && m.roomId === roomId))
	save([{ kind, roomId, openedAt: new Date().toISOString(), name }, ...others].slice(0, MAX_RECENT))
}

/** Records the name of a map in the list (where it is), as the open map has it now. */
export function nameRecentMap(kind: 'edit' | 'view', roomId: string, name: string) {
	const clean = cleanMapName(name)
	const list = recentMaps()
	const entry = list.find((m) => m.kind === kind && m.roomId === roomId)
	if (!entry || entry.name === clean) return
	entry.name = clean
	save(list)
}

export function forgetMap(kind: 'edit' | 'view', roomId: string) {
	save(recentMaps().filter((m) => !(m.kind === kind && m.roomId === roomId)))
}
