import type { Editor } from 'tldraw'
import { mapFileName } from './planDownload'

export type ImageFormat = 'png' | 'svg'

/** Thrown when the map cannot be drawn as a picture; the message is for the person exporting. */
export class MapImageError extends Error {
	override name = 'MapImageError'
}

/**
 * The current page of the map as a picture, drawn by tldraw's own exporter (`editor.toImage`),
 * with the background. Fonts are embedded from the app's own assets (no CDN), so the picture
 * looks the same offline and on another machine.
 */
export async function mapImage(
	editor: Editor,
	format: ImageFormat
): Promise<{ blob: Blob; fileName: string }> {
	const ids = editor.getCurrentPageShapesSorted().map((shape) => shape.id)
	if (ids.length === 0) throw new MapImageError('The map is empty: there is nothing to draw yet.')
	let blob: Blob
	try {
		;({ blob } = await editor.toImage(ids, { format, background: true, padding: 32 }))
	} catch (error) {
		throw new MapImageError(
			`The map could not be drawn as ${format.toUpperCase()} (${error instanceof Error ? error.message : String(error)}).`
		)
	}
	return { blob, fileName: mapFileName(editor, format) }
}
