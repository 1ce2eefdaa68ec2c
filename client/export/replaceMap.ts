import type { Editor, TLRecord } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'

/**
 * Replaces the map in the editor with `records` (from `readMapFile`), as one edit of this person:
 * it reaches everyone in the room and one Undo brings the previous map back. The map's pages are
 * replaced too (this person's view moves to the first new page); the document settings stay.
 */
export function replaceMap(editor: Editor, session: RoomSession, records: TLRecord[]) {
	if (session.kind !== 'edit' || !session.binding.canWrite()) {
		throw new Error('This map cannot be changed from here (a view link or a newer version).')
	}
	const incoming = records.filter((r) => r.typeName !== 'document')
	const pageIds = new Set<string>(incoming.filter((r) => r.typeName === 'page').map((r) => r.id))
	const firstPage = incoming.find((r) => r.typeName === 'page')
	if (!firstPage || firstPage.typeName !== 'page') throw new Error('The file has no page.')
	// Its own undo step: the edits before it stay where they are.
	editor.markHistoryStoppingPoint('replace map')
	editor.run(() => {
		const store = editor.store
		const old = store
			.allRecords()
			.filter((r) => r.typeName === 'shape' || r.typeName === 'binding' || r.typeName === 'asset')
		store.remove(old.map((r) => r.id))
		store.put(incoming)
		if (!pageIds.has(editor.getCurrentPageId())) editor.setCurrentPage(firstPage.id)
		const stalePages = editor.getPages().filter((page) => !pageIds.has(page.id))
		if (stalePages.length > 0) store.remove(stalePages.map((page) => page.id))
	})
	session.binding.flushLocalChanges()
	editor.markHistoryStoppingPoint('map replaced')
	editor.zoomToFit({ animation: { duration: 0 } })
}
