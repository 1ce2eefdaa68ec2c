import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach } from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const children = new Set<ChildProcess>()

afterEach(() => {
	for (const child of children)
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
	children.clear()
})

export interface SpawnedRelay {
	child: ChildProcess
	/** Resolves with the port from the "relay listening" log line. */
	listening: Promise<number>
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
	output: () => string
}

/** `npm start`'s command (`node --import tsx sync-server/main.ts`) as a child process. */
export function spawnRelay(env: Record<string, string>, options: SpawnOptions = {}): SpawnedRelay {
	const child = spawn(process.execPath, ['--import', 'tsx', 'sync-server/main.ts'], {
		cwd: ROOT,
		env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
		stdio: ['ignore', 'pipe', 'pipe'],
		...options,
	})
	children.add(child)
	let out = ''
	const listening = new Promise<number>((resolvePort, reject) => {
		const onData = (chunk: Buffer) => {
			out += chunk.toString()
			for (const line of out.split('\n')) {
				if (!line.startsWith('{')) continue
				try {
					const entry = JSON.parse(line) as { msg?: string; port?: number }
					if (entry.msg === 'relay listening' && typeof entry.port === 'number')
						resolvePort(entry.port)
				} catch {
					// a partial line; wait for the rest
				}
			}
		}
		child.stdout!.on('data', onData)
		child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()))
		child.once('exit', () => reject(new Error(`relay exited before listening:\n${out}`)))
	})
	listening.catch(() => undefined)
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
		(resolveExit) => child.once('exit', (code, signal) => resolveExit({ code, signal }))
	)
	return { child, listening, exited, output: () => out }
}
