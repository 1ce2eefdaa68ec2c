import { z } from 'zod'

/**
 * Where this device last looked at each map: reopening a map (or coming back to its link) shows
 * the same part at the same zoom, as in any whiteboard. Kept per device in localStorage, keyed by
 * the link's kind and room id; never synced (everyone has their own view).
 */
const KEY_PREFIX = 'delivery-map:camera:'

const cameraSchema = z.object({
	x: z.number().finite(),
	y: z.number().finite(),
	z: z.number().finite().positive(),
})

export type SavedCamera = z.infer<typeof cameraSchema>

function keyOf(kind: string, roomId: string) {
	return `${KEY_PREFIX}${kind}:${roomId}`
}

/** The view saved for this map, or null (none, storage disabled, or unreadable). */
export function savedCamera(kind: string, roomId: string): SavedCamera | null {
	try {
		const text = localStorage.getItem(keyOf(kind, roomId))
		if (text === null) return null
		const parsed = cameraSchema.safeParse(JSON.parse(text))
		return parsed.success ? parsed.data : null
	} catch {
		return null
	}
}

export function saveCamera(kind: string, roomId: string, camera: SavedCamera) {
	const parsed = cameraSchema.safeParse({ x: camera.x, y: camera.y, z: camera.z })
	if (!parsed.success) return
	try {
		localStorage.setItem(keyOf(kind, roomId), JSON.stringify(parsed.data))
	} catch {
		// Storage full or disabled: the map opens framed next time instead.
	}
}
