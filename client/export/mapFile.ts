import { serializeTldrawJson, type Editor } from 'tldraw'
import { SYNCED_TYPE_NAMES } from '../sync/yRecords'
import { mapFileName } from './planDownload'

export const TLDR_MIME_TYPE = 'application/vnd.tldraw+json'

/**
 * The map as a `.tldr` file, tldraw's own format (`{ tldrawFileFormatVersion, schema, records }`):
 * tldraw's serializer (which also inlines image assets), keeping only the map's records (those
 * the room's Y.Doc holds), so the file never carries this session's camera or other people's
 * cursors.
 */
export async function mapFile(editor: Editor): Promise<{ text: string; fileName: string }> {
	const file = JSON.parse(await serializeTldrawJson(editor)) as {
		tldrawFileFormatVersion: number
		schema: unknown
		records: Array<{ typeName: string }>
	}
	const records = file.records.filter((record) => SYNCED_TYPE_NAMES.has(record.typeName))
	return {
		text: JSON.stringify({ ...file, records }),
		fileName: mapFileName(editor, 'tldr'),
	}
}
