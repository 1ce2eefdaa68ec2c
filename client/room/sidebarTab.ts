/** The side panel's tabs (RoomSidebar), by id. */
export type SidebarTab = 'plan' | 'people' | 'checkin' | 'facilitate'

const TABS: readonly SidebarTab[] = ['plan', 'people', 'checkin', 'facilitate']
const OPEN_KEY = 'delivery-map:sidebar'

/** Below this width the panel lies over the canvas (styles.css), so a map opens with it folded. */
const NARROW = '(max-width: 900px)'

/** The tab the side panel opens on: the one last open on this device, Plan at first; null: folded. */
export function savedSidebarTab(): SidebarTab | null {
	if (window.matchMedia?.(NARROW).matches) return null
	const saved = localStorage.getItem(OPEN_KEY)
	if (saved === 'closed') return null
	return TABS.includes(saved as SidebarTab) ? (saved as SidebarTab) : 'plan'
}

export function saveSidebarTab(tab: SidebarTab | null): void {
	localStorage.setItem(OPEN_KEY, tab ?? 'closed')
}
