/**
 * One server for `bench/relay.bench.ts`, in its own process so that its CPU and memory can be
 * measured alone. `node --import tsx bench/relayBenchServer.ts ours|reference`; talks over IPC:
 * sends `{ port }` once listening, answers `usage` with CPU and peak RSS, exits on `stop`.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocketServer } from 'ws'
import { createRelay } from '../sync-server/createRelay'

export interface Usage {
	cpuMicros: number
	systemMicros: number
	maxRssBytes: number
}

const kind = process.argv[2]
const send = (message: unknown) => process.send?.(message)

async function start(): Promise<() => Promise<void>> {
	if (kind === 'ours') {
		const dataDir = mkdtempSync(join(tmpdir(), 'relay-bench-'))
		const relay = await createRelay({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'warn' })
		send({ port: relay.port })
		return async () => {
			await relay.close()
			rmSync(dataDir, { recursive: true, force: true })
		}
	}
	if (kind === 'reference') {
		const { setupWSConnection } = await import('@y/websocket-server/utils')
		const wss = new WebSocketServer({ noServer: true })
		wss.on('connection', setupWSConnection)
		const server = createServer((_req, res) => res.end('okay'))
		server.on('upgrade', (req, socket, head) => {
			wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
		})
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
		send({ port: (server.address() as AddressInfo).port })
		return async () => {
			server.closeAllConnections()
			server.close()
		}
	}
	throw new Error(`unknown server kind ${kind}`)
}

const stop = await start()
process.on('message', (message: string) => {
	if (message === 'usage') {
		const cpu = process.cpuUsage()
		const usage: Usage = {
			cpuMicros: cpu.user + cpu.system,
			systemMicros: cpu.system,
			maxRssBytes: process.resourceUsage().maxRSS * 1024,
		}
		send({ usage })
	} else if (message === 'stop') {
		void stop().then(() => process.exit(0))
	}
})
