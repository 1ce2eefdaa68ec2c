// Installs what the tests need when it is missing, so `npm test` works on a fresh machine:
// the npm dependencies (npm ci), a better-sqlite3 build for this Node version, and Debian's
// Chromium for the browser tests (never a downloaded browser). Uses only Node's own modules.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

function run(command) {
	console.log(`[test setup] ${command}`)
	execSync(command, { stdio: 'inherit' })
}

if (
	!existsSync('node_modules/vitest/package.json') ||
	!existsSync('node_modules/tldraw/package.json')
) {
	run('npm ci --no-audit --no-fund')
}

// better-sqlite3 is a native addon: a machine with another Node version needs its own build.
const probe = spawnSync(
	process.execPath,
	['-e', "new (require('better-sqlite3'))(':memory:').close()"],
	{
		stdio: 'pipe',
	}
)
if (probe.status !== 0) run('npm rebuild better-sqlite3')

if (!existsSync(CHROMIUM)) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
	if (!isRoot) {
		console.error(
			`[test setup] Chromium is missing at ${CHROMIUM}. Install Debian's package as root: ` +
				'apt-get update && apt-get install -y chromium (or set CHROMIUM_PATH).'
		)
		process.exit(1)
	}
	run('apt-get update -qq')
	run('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation')
}
