import { createContext, useContext } from 'react'
import type { RoomSession } from './RoomSession'
import type { SidebarTab } from './sidebarTab'

export interface RoomUi {
	session: RoomSession
	openShare: () => void
	openNameDialog: () => void
	/** The side panel's open tab, or null when it is folded. */
	sidebarTab: SidebarTab | null
}

export const RoomContext = createContext<RoomUi | null>(null)

export function useRoom(): RoomUi {
	const room = useContext(RoomContext)
	if (!room) throw new Error('useRoom must be used inside a map page')
	return room
}
