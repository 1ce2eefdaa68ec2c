import { expect, test } from 'vitest'
import { startRelay, tempDir } from './startRelay'

test('a second relay on the same data folder stops at start with a clear error', async () => {
	const dataDir = tempDir()
	const first = await startRelay({ dataDir })
	await expect(startRelay({ dataDir })).rejects.toThrow(
		/another relay is already using this folder/
	)
	// The first one is unaffected, and once it stops the folder is free again.
	expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
	await first.close()
	const again = await startRelay({ dataDir })
	expect((await fetch(`${again.url}/healthz`)).status).toBe(200)
})

test('a relay that cannot listen gives its data folder back', async () => {
	const dataDir = tempDir()
	const first = await startRelay()
	await expect(startRelay({ dataDir, port: first.port })).rejects.toThrow(/EADDRINUSE/)
	const second = await startRelay({ dataDir })
	expect((await fetch(`${second.url}/healthz`)).status).toBe(200)
})
