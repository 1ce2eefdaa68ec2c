/**
 * The benchmarks' baseline page (bench/clientBare/: plain tldraw 5.4.2 with the delivery-map
 * shape utils and nothing else), built into a temporary folder and served over HTTP.
 */
import react from '@vitejs/plugin-react'
import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))

/** Builds the bare page; returns the folder. `minify: false` for readable profiles. */
export async function buildBarePage(minify = true): Promise<string> {
	const outDir = mkdtempSync(join(tmpdir(), 'dm-bare-'))
	await build({
		configFile: false,
		root: join(root, 'bench/clientBare'),
		plugins: [react()],
		logLevel: 'warn',
		mode: 'production',
		build: { outDir, minify, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
	})
	return outDir
}

const MIME: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.svg': 'image/svg+xml',
	'.woff2': 'font/woff2',
	'.json': 'application/json',
	'.png': 'image/png',
}

/** Serves a folder's files on a free port of 127.0.0.1. */
export function serveFolder(folder: string): Promise<Server> {
	const server = createServer((req, res) => {
		const path = (req.url ?? '/').split('?')[0]!
		const file = join(folder, path === '/' ? 'index.html' : path)
		try {
			const body = readFileSync(file)
			res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' })
			res.end(body)
		} catch {
			res.writeHead(404).end()
		}
	})
	return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)))
}

/** The address of a server from serveFolder. */
export function urlOf(server: Server): string {
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
