import { useLayoutEffect } from 'react'
import { react, type Editor } from 'tldraw'
import { followStoredTheme } from './followStoredTheme'

/**
 * Mirrors tldraw's dark mode (the person's colour scheme preference, or the system's when it is
 * "system") onto `<html data-theme="dark|light">`, which switches the app's own colours
 * (styles.css) for everything outside tldraw's container: the side panel, the dialogs. Before an
 * editor is mounted, and once it is gone, the stored preference sets it (followStoredTheme). A
 * layout effect, so that the first frame a page paints already has its colours.
 */
export function useThemeAttribute(editor: Editor | null): void {
	useLayoutEffect(() => {
		if (!editor) return followStoredTheme()
		const root = document.documentElement
		return react('theme attribute', () => {
			root.dataset.theme = editor.user.getIsDarkMode() ? 'dark' : 'light'
		})
	}, [editor])
}
