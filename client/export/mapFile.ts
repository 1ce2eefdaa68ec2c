import { serializeTldrawJson, type Editor } from 'tldraw'
import { mapFileName } from './planDownload'

export const TLDR_MIME_TYPE = 'application/vnd.tldraw+json'

/**
 * The map as a `.tldr` file, tldraw's own format (`{ tldrawFileFormatVersion, schema, records }`):
 * tldraw's serializer (which also inlines image assets), keeping only the document's records, so
 * the file never carries this session's camera, selection or other people's cursors.
 */
export async function mapFile(editor: Editor): Promise<{ text: string; fileName: string }> {
	const file = JSON.parse(await serializeTldrawJson(editor)) as {
		tldrawFileFormatVersion: number
		schema: unknown
		records: Array<{ typeName: string }>
	}
	const documentTypes: ReadonlySet<string> = editor.store.scopedTypes.document
	const records = file.records.filter((record) => documentTypes.has(record.typeName))
	return {
		text: JSON.stringify({ ...file, records }),
		fileName: mapFileName(editor, 'tldr'),
	}
}
