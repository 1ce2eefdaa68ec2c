import { useEffect } from 'react'
import { useEditor, useToasts, type Editor } from 'tldraw'

/** A short message to the person at this screen (tldraw's toast, bottom of the canvas). */
export interface MapNotice {
	/** Notices with the same key replace each other instead of piling up. */
	key: string
	title: string
	description: string
}

const sinks = new WeakMap<Editor, (notice: MapNotice) => void>()

/**
 * Shows `notice` on the screen of `editor`, from code outside React (tools, side effects).
 * Does nothing before the map's UI has mounted (useMapNotices).
 */
export function showNotice(editor: Editor, notice: MapNotice): void {
	sinks.get(editor)?.(notice)
}

/** Lets showNotice reach this editor's toasts. Call once, in a component inside tldraw's UI. */
export function useMapNotices(): void {
	const editor = useEditor()
	const { addToast } = useToasts()
	useEffect(() => {
		sinks.set(editor, (notice) =>
			addToast({
				id: `dm-notice-${notice.key}`,
				title: notice.title,
				description: notice.description,
				severity: 'warning',
			})
		)
		return () => {
			sinks.delete(editor)
		}
	}, [editor, addToast])
}
