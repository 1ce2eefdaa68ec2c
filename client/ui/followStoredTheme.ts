import { getUserPreferences, react } from 'tldraw'

/**
 * Keeps `<html data-theme>` on the person's colour scheme. The scheme is tldraw's own preference
 * (set in the editor's menu, kept on this device and shared between its tabs), and the system's
 * when it is "system" or not chosen yet (defaultToSystemScheme.ts). Returns a function that stops following.
 */
export function followStoredTheme(): () => void {
	const root = document.documentElement
	const system =
		typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null
	const apply = () => {
		const scheme = getUserPreferences().colorScheme ?? 'system'
		const dark = scheme === 'dark' || (scheme === 'system' && system?.matches === true)
		root.dataset.theme = dark ? 'dark' : 'light'
	}
	// getUserPreferences reads an atom: a change in another tab reaches this one too.
	const stop = react('stored theme', apply)
	system?.addEventListener('change', apply)
	return () => {
		stop()
		system?.removeEventListener('change', apply)
	}
}
