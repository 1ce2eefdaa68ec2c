/** The window event that asks the export menu to open (from tldraw's main menu, for instance). */
export const OPEN_EXPORT_MENU_EVENT = 'delivery-map:open-export-menu'

/** Opens the export menu in the side panel's bar, with the focus on its first item. */
export function openExportMenu() {
	window.dispatchEvent(new Event(OPEN_EXPORT_MENU_EVENT))
}
