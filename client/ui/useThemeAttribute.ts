import { useEffect } from 'react'
import { react, type Editor } from 'tldraw'

/**
 * Mirrors tldraw's dark mode (the person's colour scheme preference, or the system's when it is
 * "system") onto `<html data-theme="dark|light">`, which switches the app's own colours
 * (styles.css) for everything outside tldraw's container: the side panel, the dialogs. Without an
 * editor, or once it is gone, the attribute is removed and the page is light.
 */
export function useThemeAttribute(editor: Editor | null): void {
	useEffect(() => {
		if (!editor) return
		const root = document.documentElement
		const stop = react('theme attribute', () => {
			root.dataset.theme = editor.user.getIsDarkMode() ? 'dark' : 'light'
		})
		return () => {
			stop()
			delete root.dataset.theme
		}
	}, [editor])
}
