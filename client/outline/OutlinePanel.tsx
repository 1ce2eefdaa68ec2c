import type { Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/** The live plan outline (being built). */
export function OutlinePanel(_props: { editor: Editor; session: RoomSession }) {
	return <p className="dm-sidebar-empty">Coming in this change.</p>
}
