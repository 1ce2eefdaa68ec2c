import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { newRoomId, startRelay, tempDir } from './startRelay'

/** A raw GET, so that `..` and odd encodings reach the relay as written (fetch would normalise). */
function get(port: number, path: string, headers: Record<string, string> = {}) {
	return new Promise<{
		status: number
		headers: Record<string, string | string[] | undefined>
		body: string
	}>((resolve, reject) => {
		const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
			let body = ''
			res.setEncoding('utf8')
			res.on('data', (chunk: string) => (body += chunk))
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
		})
		req.on('error', reject)
		req.end()
	})
}

function builtClient() {
	const root = tempDir()
	const dist = join(root, 'dist')
	mkdirSync(join(dist, 'assets'), { recursive: true })
	writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Delivery Map</title>')
	writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)')
	writeFileSync(join(dist, 'assets', 'style-abc123.css'), 'body{}')
	writeFileSync(join(dist, 'icon.svg'), '<svg/>')
	writeFileSync(join(dist, 'font.woff2'), 'w')
	writeFileSync(join(root, 'secret.txt'), 'TOP SECRET')
	return dist
}

test('the built client is served with content types and caching headers', async () => {
	const relay = await startRelay({ staticDir: builtClient() })
	const home = await get(relay.port, '/')
	expect(home.status).toBe(200)
	expect(home.headers['content-type']).toBe('text/html; charset=utf-8')
	expect(home.headers['cache-control']).toBe('no-cache')
	expect(home.body).toContain('Delivery Map')
	const js = await get(relay.port, '/assets/index-abc123.js')
	expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
	expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
	expect((await get(relay.port, '/assets/style-abc123.css')).headers['content-type']).toBe(
		'text/css; charset=utf-8'
	)
	expect((await get(relay.port, '/icon.svg')).headers['content-type']).toBe('image/svg+xml')
	expect((await get(relay.port, '/font.woff2')).headers['content-type']).toBe('font/woff2')
	const again = await get(relay.port, '/icon.svg', { 'if-none-match': String(js.headers.etag) })
	expect(again.status).toBe(200)
	const etag = String((await get(relay.port, '/icon.svg')).headers.etag)
	expect((await get(relay.port, '/icon.svg', { 'if-none-match': etag })).status).toBe(304)
	expect((await get(relay.port, '/missing.js')).status).toBe(404)
})

test('edit and view links fall back to the app', async () => {
	const relay = await startRelay({ staticDir: builtClient() })
	for (const path of [`/r/${newRoomId()}`, `/v/${newRoomId()}`, `/r/${newRoomId()}?x=1`]) {
		const res = await get(relay.port, path)
		expect(res.status, path).toBe(200)
		expect(res.body).toContain('Delivery Map')
	}
})

test('paths that try to leave the static folder get nothing outside it', async () => {
	const relay = await startRelay({ staticDir: builtClient() })
	const attempts = [
		'/../secret.txt',
		'/..%2fsecret.txt',
		'/%2e%2e/secret.txt',
		'/assets/..%2f..%2fsecret.txt',
		'/..%5csecret.txt',
		'/%2e%2e%2f%2e%2e%2fsecret.txt',
		'/secret.txt%00.js',
		'/%E0%A4%A',
		'//etc/passwd',
		'/r/../../secret.txt',
	]
	for (const path of attempts) {
		const res = await get(relay.port, path)
		expect(res.body, path).not.toContain('TOP SECRET')
		expect([400, 404], path).toContain(res.status)
	}
})

test('without a built client the home page says how to build it', async () => {
	const relay = await startRelay({ staticDir: join(tempDir(), 'nothing-here') })
	const res = await get(relay.port, '/')
	expect(res.status).toBe(503)
	expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
	expect(res.body).toContain('not built yet')
	expect(res.body).toContain('npm run build')
	expect((await get(relay.port, `/r/${newRoomId()}`)).body).toContain('npm run build')
})
