import type { TLDocument, TLRecord, TLStore } from 'tldraw'
import { cleanMapName } from '../../shared/model/mapName'
import * as Y from 'yjs'
import { newRoomId } from '../../shared/roomId'
import { deviceKeyOf, DocPersister } from '../sync/persistDoc'
import { recordToYMap, type PlainRecord } from '../sync/yRecords'
import { stashImportNotice } from './importNotice'

/**
 * Makes a new map from `records` (from `readMapFile`) and opens it. The records are written into
 * the new room's Y.Doc (the layout of ARCHITECTURE.md, with our schema) and saved on this device
 * before navigating, so the new map opens from this device as any map does, and its first sync
 * sends it to the relay. Nothing needs to wait on the new page; `notice` is shown there once.
 * A file whose map has no name gives it its own (`retrofit-plan.tldr` makes "retrofit-plan").
 */
export async function openAsNewMap(
	records: TLRecord[],
	schema: TLStore['schema'],
	notice: string,
	fileName: string
): Promise<string> {
	records = namedAfterFile(records, fileName)
	const roomId = newRoomId()
	const key = deviceKeyOf('edit', roomId)
	const doc = new Y.Doc()
	const persister = new DocPersister(key, doc)
	const load = await persister.load()
	if (load.problem) throw new Error(load.problem)
	const recordsMap = doc.getMap<Y.Map<unknown>>('records')
	doc.transact(() => {
		for (const record of records) {
			recordsMap.set(record.id, recordToYMap(record as unknown as PlainRecord))
		}
		doc.getMap('meta').set('schema', schema.serialize())
	})
	await persister.destroy()
	doc.destroy()
	// Read it back: navigating to an empty map would look like the file was lost.
	const check = new Y.Doc()
	const reader = new DocPersister(key, check)
	await reader.load()
	const saved = check.getMap('records').size
	await reader.destroy()
	check.destroy()
	if (saved !== records.length) {
		throw new Error(
			'The new map could not be saved on this device (is its storage full or disabled?).'
		)
	}
	stashImportNotice(roomId, notice)
	location.assign(`/r/${roomId}`)
	return roomId
}

function namedAfterFile(records: TLRecord[], fileName: string): TLRecord[] {
	const name = cleanMapName(fileName.replace(/\.tldr$/i, ''))
	return records.map((record) =>
		record.typeName === 'document' && cleanMapName((record as TLDocument).name) === ''
			? { ...record, name }
			: record
	)
}
