import type { Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/** The monthly check-in (being built). */
export function CheckinPanel(_props: { editor: Editor; session: RoomSession }) {
	return <p className="dm-sidebar-empty">Coming in this change.</p>
}
