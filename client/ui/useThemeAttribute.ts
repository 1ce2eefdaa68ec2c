import { useLayoutEffect } from 'react'
import { followStoredTheme } from './followStoredTheme'

/**
 * Keeps `<html data-theme="dark|light">` on the person's colour scheme for the whole app, which
 * switches the app's own colours (styles.css) outside tldraw's container: the home page, the
 * loading screen, the side panel, the dialogs. One place serves every page, the map's included:
 * the app gives tldraw no user or colour scheme of its own, so the editor's dark mode is this same
 * stored preference (followStoredTheme), and switching it in the editor's menu reaches it at once.
 * A layout effect, so that the first frame a page paints already has its colours.
 */
export function useThemeAttribute(): void {
	useLayoutEffect(() => followStoredTheme(), [])
}
