import type { Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/** Who owns, unblocks and owes what (being built). */
export function OwnershipPanel(_props: { editor: Editor; session: RoomSession }) {
	return <p className="dm-sidebar-empty">Coming in this change.</p>
}
