import type { Editor } from 'tldraw'
import { mapFileName } from './planDownload'

export type ImageFormat = 'png' | 'svg'

/** A PNG has at most this many pixels: encoding one takes time in proportion (about 3 s for 30 million here). */
export const MAX_PNG_PIXELS = 20_000_000
const PADDING = 32

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
		;({ blob } = await editor.toImage(ids, {
			format,
			background: true,
			padding: PADDING,
			pixelRatio: format === 'png' ? pngPixelRatio(editor.getShapesPageBounds(ids)) : undefined,
		}))
	} catch (error) {
		throw new MapImageError(
			`The map could not be drawn as ${format.toUpperCase()} (${error instanceof Error ? error.message : String(error)}).`
		)
	}
	return { blob, fileName: mapFileName(editor, format) }
}

/**
 * Two pixels per canvas pixel (tldraw's default, sharp on a slide), less for a map so large that
 * its picture would pass MAX_PNG_PIXELS; at least a quarter (SVG is the format for huge maps).
 */
export function pngPixelRatio(bounds: { w: number; h: number } | null): number {
	if (!bounds) return 2
	const area = (bounds.w + 2 * PADDING) * (bounds.h + 2 * PADDING)
	return Math.max(0.25, Math.min(2, Math.sqrt(MAX_PNG_PIXELS / area)))
}
