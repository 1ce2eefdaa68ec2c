import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '../..')
export const distDir = join(repoRoot, 'dist')

function newestMtime(path: string): number {
	const stat = statSync(path)
	if (!stat.isDirectory()) return stat.mtimeMs
	let newest = stat.mtimeMs
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
	return newest
}

function sleepSync(ms: number) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Runs `vite build` when dist/ is older than client/ or shared/ (or missing). A lock folder keeps
 * test files that run in parallel, and the outline benchmark, from building at the same time.
 */
export function ensureClientBuilt() {
	const lock = join(repoRoot, 'node_modules', '.delivery-map-build-lock')
	const started = Date.now()
	for (;;) {
		try {
			mkdirSync(lock)
			break
		} catch {
			if (Date.now() - started > 180_000) rmSync(lock, { recursive: true, force: true })
			sleepSync(200)
		}
	}
	try {
		const sources = Math.max(
			newestMtime(join(repoRoot, 'client')),
			newestMtime(join(repoRoot, 'shared'))
		)
		let built = 0
		try {
			built = statSync(join(distDir, 'sw-assets.json')).mtimeMs
		} catch {
			built = 0
		}
		if (built < sources) {
			execFileSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build'], {
				cwd: repoRoot,
				stdio: 'pipe',
				// vitest sets NODE_ENV=test, which would make a development build.
				env: { ...process.env, NODE_ENV: 'production' },
			})
		}
	} finally {
		rmSync(lock, { recursive: true, force: true })
	}
}
