import { react, type Editor } from 'tldraw'
import { nameRecentMap } from '../home/recentMaps'
import { currentMapName } from './currentMapName'

const APP_TITLE = 'Delivery Map'

/**
 * Keeps the browser tab's title and this device's list of maps on the open map's name, as it
 * changes here or for anyone else. Returns a function that stops and puts the tab's title back.
 */
export function followMapName(
	editor: Editor,
	{ kind, roomId }: { kind: 'edit' | 'view'; roomId: string }
): () => void {
	const stop = react('follow the map name', () => {
		const name = currentMapName(editor)
		document.title = name ? `${name} · ${APP_TITLE}` : APP_TITLE
		nameRecentMap(kind, roomId, name)
	})
	return () => {
		stop()
		document.title = APP_TITLE
	}
}
