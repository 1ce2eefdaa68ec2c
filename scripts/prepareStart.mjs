// Runs before `npm start`: installs the npm dependencies when they are missing and builds the
// client when dist/ is missing or older than the client's sources, so one command starts the app.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function run(command) {
	console.log(`[start] ${command}`)
	execSync(command, { stdio: 'inherit' })
}

function newest(dir) {
	let latest = 0
	for (const name of readdirSync(dir)) {
		const path = join(dir, name)
		const stat = statSync(path)
		latest = Math.max(latest, stat.isDirectory() ? newest(path) : stat.mtimeMs)
	}
	return latest
}

if (!existsSync('node_modules/tldraw/package.json')) run('npm ci --no-audit --no-fund')
const built = 'dist/index.html'
const sources = ['client', 'shared'].filter((d) => existsSync(d))
const stale = !existsSync(built) || sources.some((dir) => newest(dir) > statSync(built).mtimeMs)
if (stale && existsSync('client/index.html')) run('npx vite build --logLevel warn')
