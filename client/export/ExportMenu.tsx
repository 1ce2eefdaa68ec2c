import type { Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/** The export menu: milestone list, map images and .tldr files (being built). */
export function ExportMenu(_props: { editor: Editor; session: RoomSession }) {
	return null
}
