import { getUserPreferences, setUserPreferences } from 'tldraw'

/**
 * Until the person picks a colour scheme in the editor's menu, the app follows the system's (a
 * dark desktop gets a dark map and home page). tldraw's own default is light: its preference is
 * set to "system" here once, on this device, where nothing was chosen yet.
 */
export function defaultToSystemScheme(): void {
	try {
		const preferences = getUserPreferences()
		if (preferences.colorScheme === undefined) {
			setUserPreferences({ ...preferences, colorScheme: 'system' })
		}
	} catch {
		// No storage (a private window, or blocked): tldraw's light default.
	}
}
