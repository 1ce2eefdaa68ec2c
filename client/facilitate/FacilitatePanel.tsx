import type { Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/** Facilitator controls (being built). */
export function FacilitatePanel(_props: { editor: Editor; session: RoomSession }) {
	return <p className="dm-sidebar-empty">Coming in this change.</p>
}
