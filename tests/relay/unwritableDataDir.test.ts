import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'
import { tempDir } from './startRelay'
import { spawnRelay } from './spawnRelay'

test('an unwritable data folder stops the relay at start with a clear error', async () => {
	const root = tempDir()
	chmodSync(root, 0o755)
	const dataDir = join(root, 'data')
	mkdirSync(dataDir, { mode: 0o555 })
	chmodSync(dataDir, 0o555)
	// root may write anywhere: run the relay as "nobody" then, as a real deployment would.
	const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
	const relay = spawnRelay({ DATA_DIR: dataDir }, asNobody)
	const exit = await relay.exited
	expect(exit.code).toBe(1)
	expect(relay.output()).toContain(`Cannot use the data folder ${dataDir} (DATA_DIR)`)
	expect(relay.output()).toContain('set DATA_DIR to another folder')
	expect(relay.output()).not.toContain('relay listening')
})

test('a data folder path that is a file stops the relay at start with a clear error', async () => {
	const root = tempDir()
	const file = join(root, 'not-a-folder')
	writeFileSync(file, 'x')
	const relay = spawnRelay({ DATA_DIR: join(file, 'data') })
	expect((await relay.exited).code).toBe(1)
	expect(relay.output()).toContain('Cannot use the data folder')
})

test('a bad setting stops the relay at start and names the variable', async () => {
	const relay = spawnRelay({ MAX_FRAME_BYTES: 'lots', FLUSH_INTERVAL_MS: '500' })
	expect((await relay.exited).code).toBe(1)
	expect(relay.output()).toContain('MAX_FRAME_BYTES=lots')
	expect(relay.output()).toContain('FLUSH_INTERVAL_MS must be at most 100')
})
