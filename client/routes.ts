import { isRoomId, ROOM_ID_RE } from '../shared/roomId'

export type Route =
	| { page: 'home' }
	| { page: 'map'; kind: 'edit' | 'view'; roomId: string }
	| { page: 'not-found'; path: string }

/** `/` home, `/r/<editId>` edit, `/v/<viewId>` view. */
export function parseRoute(pathname: string): Route {
	if (pathname === '/' || pathname === '/index.html') return { page: 'home' }
	const m = /^\/(r|v)\/([^/]+)\/?$/.exec(pathname)
	if (m && isRoomId(m[2]))
		return { page: 'map', kind: m[1] === 'r' ? 'edit' : 'view', roomId: m[2]! }
	return { page: 'not-found', path: pathname }
}

/** Reads an edit or view link (full URL, path, or bare id) pasted by a person. */
export function linkToPath(input: string): string | null {
	const text = input.trim()
	if (ROOM_ID_RE.test(text)) return `/r/${text}`
	let pathname = text
	try {
		pathname = new URL(text, location.origin).pathname
	} catch {
		return null
	}
	const route = parseRoute(pathname)
	return route.page === 'map' ? `/${route.kind === 'edit' ? 'r' : 'v'}/${route.roomId}` : null
}
