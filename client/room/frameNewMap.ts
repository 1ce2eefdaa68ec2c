import { Box, react, type Editor } from 'tldraw'

/**
 * Below this zoom a map's text (a template's hints, shape titles) cannot be read, so the view
 * shows its start instead. At 0.25 the four-stage templates opened whole at 30 %, their hints
 * about 7 px high; from 0.5 a hint is 12 px and more.
 */
const MIN_READABLE_ZOOM = 0.5

/**
 * Frames a map just made, or opened on this device without a remembered view: all of it. With
 * `readable` (a new template, whose hints a group reads before it starts; a map opened by its
 * link), the whole map only when its text stays readable, otherwise its full height from the left
 * edge (the title, the intro and the first stages); a map opened from a file is shown whole, as
 * an overview. Done again whenever the canvas changes size in the next 3 s (the room's side panel
 * takes its width from the canvas after the editor mounts), unless the person has moved the
 * camera meanwhile.
 */
export function frameNewMap(editor: Editor, { readable }: { readable: boolean }) {
	const frame = () => {
		const bounds = editor.getCurrentPageBounds()
		if (!bounds) return
		editor.zoomToFit({ immediate: true })
		if (!readable || editor.getZoomLevel() >= MIN_READABLE_ZOOM) return
		const viewport = editor.getViewportScreenBounds()
		const width = Math.min(bounds.w, bounds.h * (viewport.w / Math.max(1, viewport.h)))
		editor.zoomToBounds(new Box(bounds.x, bounds.y, width, bounds.h), { immediate: true })
	}
	frame()
	let placed = editor.getCamera()
	let lastViewport = editor.getViewportScreenBounds().toJson()
	const stop = react('frame the new map', () => {
		const viewport = editor.getViewportScreenBounds().toJson()
		if (viewport.w === lastViewport.w && viewport.h === lastViewport.h) return
		lastViewport = viewport
		const now = editor.getCamera()
		if (now.x !== placed.x || now.y !== placed.y || now.z !== placed.z) return stop()
		frame()
		placed = editor.getCamera()
	})
	editor.timers.setTimeout(stop, 3000)
}
