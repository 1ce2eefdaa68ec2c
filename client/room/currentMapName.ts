import type { Editor } from 'tldraw'
import { cleanMapName } from '../../shared/model/mapName'

/**
 * The open map's name as everything in the app shows and uses it: tldraw's document name, cleaned
 * the way `shared/` cleans it ('' for none), so that the field, the tab's title, the list of maps,
 * the exports' headings and their file names all agree (and agree with the relay's `mapNameOf`).
 * A tldraw signal read: inside `useValue` or `react`, it follows renames.
 */
export function currentMapName(editor: Editor): string {
	return cleanMapName(editor.getDocumentSettings().name)
}
