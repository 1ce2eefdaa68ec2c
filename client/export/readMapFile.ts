import type { TLRecord, TLStore } from 'tldraw'
import * as Y from 'yjs'
import { restoreRecords } from '../../shared/model/restoreRecords'
import type { Diagnostic } from '../../shared/schema/diagnosticSchema'
import { recordToYMap, type PlainRecord } from '../sync/yRecords'
import { storeRecordsOf } from './storeRecordsOf'

/** Bigger files are refused before they are read. */
export const MAX_MAP_FILE_BYTES = 20 * 1024 * 1024
/**
 * The relay takes at most 2 MiB in one message, and a map's records reach it in one message
 * (one update, or the first sync of a new map): bigger maps would be refused again and again.
 */
export const MAX_MAP_UPDATE_BYTES = 1_900_000

export interface MapFileContents {
	ok: true
	fileName: string
	/** Store-ready records: migrated, validated and holding together. */
	records: TLRecord[]
	shapeCount: number
	/** What the restore path and the checks after it changed or skipped. */
	diagnostics: Diagnostic[]
}

export type MapFileResult = MapFileContents | { ok: false; fileName: string; message: string }

function megabytes(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Reads a `.tldr` file (or a store snapshot) chosen by a person: checks its size, parses it,
 * passes it through `restoreRecords` (the one restore path for untrusted records), then makes
 * the records fit this store. Nothing here touches a map; a failure is a message for the person.
 */
export async function readMapFile(file: File, schema: TLStore['schema']): Promise<MapFileResult> {
	const fileName = file.name
	const fail = (message: string): MapFileResult => ({ ok: false, fileName, message })
	if (file.size > MAX_MAP_FILE_BYTES) {
		return fail(
			`${fileName} is ${megabytes(file.size)}; map files up to ${megabytes(MAX_MAP_FILE_BYTES)} can be opened.`
		)
	}
	if (file.size === 0) return fail(`${fileName} is empty.`)
	let json: unknown
	try {
		json = JSON.parse(await file.text())
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error)
		return fail(`${fileName} is not a tldraw file: it is not JSON (${reason}).`)
	}
	const restored = restoreRecords(json)
	const unreadable = restored.diagnostics.find((d) => d.code === 'input-unreadable')
	if (unreadable) return fail(`${fileName} cannot be opened. ${unreadable.message}`)

	const prepared = storeRecordsOf(restored, schemaOf(json), schema)
	if (!prepared.ok) return fail(`${fileName} cannot be opened. ${prepared.message}`)
	const shapeCount = prepared.records.filter((r) => r.typeName === 'shape').length
	const skipped = prepared.diagnostics.filter((d) => d.code === 'record-unreadable')
	if (shapeCount === 0 && skipped.length > 0) {
		return fail(
			`${fileName} cannot be opened: none of its shapes could be read (${skipped.length} records skipped; the first: ${skipped[0]!.message})`
		)
	}
	const bytes = updateBytesOf(prepared.records)
	if (bytes > MAX_MAP_UPDATE_BYTES) {
		return fail(
			`${fileName} holds a map too big to share through the relay in one piece (${megabytes(bytes)}; the limit is ${megabytes(MAX_MAP_UPDATE_BYTES)}).`
		)
	}
	return {
		ok: true,
		fileName,
		records: prepared.records,
		shapeCount,
		diagnostics: prepared.diagnostics,
	}
}

/** The tldraw schema a file or snapshot says its records were written with, if any. */
function schemaOf(json: unknown): unknown {
	if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined
	const file = json as { schema?: unknown; document?: { schema?: unknown } }
	return file.schema ?? (typeof file.document === 'object' ? file.document?.schema : undefined)
}

/** The size of the Yjs update that would carry these records into a room's document. */
function updateBytesOf(records: TLRecord[]): number {
	const doc = new Y.Doc()
	const map = doc.getMap<Y.Map<unknown>>('records')
	doc.transact(() => {
		for (const record of records) map.set(record.id, recordToYMap(record as unknown as PlainRecord))
	})
	const bytes = Y.encodeStateAsUpdate(doc).length
	doc.destroy()
	return bytes
}
