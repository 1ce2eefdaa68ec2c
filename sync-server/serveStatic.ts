import { createReadStream, type Stats } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.ttf': 'font/ttf',
	'.otf': 'font/otf',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json',
	'.wasm': 'application/wasm',
}

/** App routes that are pages of the client: they get `index.html`. */
const APP_ROUTE = /^\/(?:|r\/[A-Za-z0-9_-]+|v\/[A-Za-z0-9_-]+)\/?$/

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Delivery Map: client not built</title></head>
<body><h1>The client is not built yet</h1>
<p>The relay is running, but there is no built client in its static folder.
Run <code>npm run build</code>, then restart with <code>npm start</code>.</p></body></html>
`

/**
 * Serves the built client from `root`: files as they are (hashed files under `assets/` cached
 * for a year, everything else revalidated by ETag), the app routes `/`, `/r/<id>`, `/v/<id>` as
 * `index.html`, and nothing outside `root`.
 */
export async function serveStatic(
	root: string,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' })
		res.end('Method not allowed\n')
		return
	}
	const base = resolve(root)
	const pathname = (req.url ?? '/').split('?')[0]!.split('#')[0]!
	let decoded: string
	try {
		decoded = decodeURIComponent(pathname)
	} catch {
		return plain(res, 400, 'Bad request: the path is not valid URL encoding.\n')
	}
	if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) {
		return plain(res, 400, 'Bad request: the path leaves the site.\n')
	}
	if (APP_ROUTE.test(decoded)) return sendIndex(base, req, res)
	const file = join(base, decoded)
	if (file !== base && !file.startsWith(base + sep))
		return plain(res, 400, 'Bad request: the path leaves the site.\n')
	const info = await stat(file).catch(() => null)
	if (!info?.isFile()) return plain(res, 404, 'Not found\n')
	const immutable = decoded.startsWith('/assets/')
	sendFile(file, info, immutable ? 'public, max-age=31536000, immutable' : 'no-cache', req, res)
}

async function sendIndex(base: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const file = join(base, 'index.html')
	const info = await stat(file).catch(() => null)
	if (!info?.isFile()) {
		res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
		res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE)
		return
	}
	sendFile(file, info, 'no-cache', req, res)
}

function sendFile(
	file: string,
	info: Stats,
	cacheControl: string,
	req: IncomingMessage,
	res: ServerResponse
): void {
	const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`
	const headers = {
		'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
		'cache-control': cacheControl,
		etag,
		'last-modified': info.mtime.toUTCString(),
		'x-content-type-options': 'nosniff',
	}
	if (req.headers['if-none-match'] === etag) {
		res.writeHead(304, headers)
		res.end()
		return
	}
	res.writeHead(200, { ...headers, 'content-length': info.size })
	if (req.method === 'HEAD') {
		res.end()
		return
	}
	const stream = createReadStream(file)
	stream.on('error', () => res.destroy())
	stream.pipe(res)
}

function plain(res: ServerResponse, status: number, text: string): void {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
	res.end(text)
}
