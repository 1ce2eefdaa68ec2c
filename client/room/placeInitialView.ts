import { react, type Editor, type RecordsDiff, type TLRecord } from 'tldraw'
import { hasImportNotice } from '../export/importNotice'
import { frameNewMap } from './frameNewMap'
import type { RoomSession } from './RoomSession'
import { saveCamera, savedCamera } from './savedCamera'

/** How long the camera rests before this device remembers it. */
const SAVE_AFTER_MS = 400

/**
 * Where a map opens, when nothing else placed the camera (a template just applied frames itself):
 * - where this device last looked at it;
 * - otherwise, if this device has a copy, framed as a new map is (its start, readable; a map just
 *   opened from a file, whole);
 * - otherwise (a link opened on a new device) framed when the first sync brings the map in, unless
 *   the person has moved the camera or drawn meanwhile: the view never jumps under their hands.
 * From then on the camera is remembered for this device (while the page has shapes). Returns a
 * function that stops both.
 */
export function placeInitialView(
	editor: Editor,
	session: Pick<RoomSession, 'kind' | 'roomId' | 'connection' | 'binding'>,
	{ placed }: { placed: boolean }
): () => void {
	const { kind, roomId } = session
	const stops: Array<() => void> = []
	if (!placed) {
		const saved = savedCamera(kind, roomId)
		if (saved) editor.setCamera(saved, { immediate: true })
		else if (editor.getCurrentPageShapeIds().size > 0) {
			frameNewMap(editor, { readable: !hasImportNotice(roomId) })
		} else stops.push(frameOnFirstSync(editor, session))
	}
	stops.push(rememberCamera(editor, kind, roomId))
	return () => {
		for (const stop of stops.splice(0)) stop()
	}
}

function frameOnFirstSync(
	editor: Editor,
	session: Pick<RoomSession, 'connection' | 'binding'>
): () => void {
	const { connection } = session
	if (!connection) return () => undefined
	const start = editor.getCamera()
	let drew = false
	const stopListening = editor.store.listen(
		({ changes }) => {
			if (!drew) drew = touchesShapes(changes)
		},
		{ source: 'user', scope: 'document' }
	)
	let done = false
	const stopWatching = react('frame the map on its first sync', () => {
		if (done || !connection.synced.get()) return
		done = true
		// Stopped from a microtask: this reaction is still running.
		queueMicrotask(stop)
		// Peers' changes reach the store a task later (YStoreBinding): bring them in first.
		session.binding.applyPendingDocChanges()
		const camera = editor.getCamera()
		const moved = camera.x !== start.x || camera.y !== start.y || camera.z !== start.z
		if (moved || drew || editor.getCurrentPageShapeIds().size === 0) return
		frameNewMap(editor, { readable: true })
	})
	const stop = () => {
		stopListening()
		stopWatching()
	}
	return stop
}

/** Whether a change adds, changes or removes a shape (not, say, this person's name). */
function touchesShapes(changes: RecordsDiff<TLRecord>): boolean {
	for (const part of [changes.added, changes.updated, changes.removed]) {
		for (const id in part) if (id.startsWith('shape:')) return true
	}
	return false
}

function rememberCamera(editor: Editor, kind: string, roomId: string): () => void {
	let timer: number | null = null
	const save = () => {
		timer = null
		// The view of an empty page says nothing (a link opened before its first sync): keep
		// whatever was saved, so that the map is framed or placed as before next time.
		if (editor.getCurrentPageShapeIds().size === 0) return
		saveCamera(kind, roomId, editor.getCamera())
	}
	const stopWatching = react('remember the view', () => {
		editor.getCamera()
		if (timer !== null) clearTimeout(timer)
		timer = editor.timers.setTimeout(save, SAVE_AFTER_MS)
	})
	const onHide = () => {
		if (timer !== null) save()
	}
	window.addEventListener('pagehide', onHide)
	return () => {
		stopWatching()
		window.removeEventListener('pagehide', onHide)
		if (timer !== null) {
			clearTimeout(timer)
			save()
		}
	}
}
