import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import {
	closeCodes,
	messageType,
	ROLE_PARAM,
	SYNC_PATH,
	type CloseCodeName,
} from '../shared/relayProtocol'
import { isRoomId } from '../shared/roomId'
import { defaultConfig, type RelayConfig } from './config'
import { Connection } from './Connection'
import { handleApi } from './handleApi'
import { createLogger } from './log'
import { Metrics } from './Metrics'
import { PersistQueue } from './PersistQueue'
import { InProcessRoomBus } from './RoomBus'
import { RoomFullError, RoomRegistry, TooManyRoomsError } from './RoomRegistry'
import { serveStatic } from './serveStatic'
import { SqliteRoomStore } from './SqliteRoomStore'
import * as encoding from 'lib0/encoding'

export interface Relay {
	port: number
	/** `http://127.0.0.1:PORT` */
	url: string
	config: Readonly<RelayConfig>
	metrics: Metrics
	/** Writes every accepted update now; resolves when they are durable. */
	flush(): Promise<void>
	/**
	 * Stops accepting, closes every connection, writes everything, closes the store. Rejects if
	 * some accepted updates could not be written (the store kept failing).
	 */
	close(): Promise<void>
}

/** Starts a relay (HTTP, websocket and static client on one port). Rejects if the store cannot open. */
export async function createRelay(options: Partial<RelayConfig> = {}): Promise<Relay> {
	const config: RelayConfig = { ...defaultConfig, ...definedOnly(options) }
	const log = createLogger(config.logLevel)
	const metrics = new Metrics()
	const store =
		config.store ?? new SqliteRoomStore(config.dataDir, { synchronous: config.sqliteSynchronous })
	const bus = config.bus ?? new InProcessRoomBus()
	const queue = new PersistQueue(store, Math.min(config.flushIntervalMs, 100), metrics, log)
	const registry = new RoomRegistry(
		{ store, queue, bus, metrics, log, limits: config },
		{ maxRooms: config.maxRooms, roomIdleMs: config.roomIdleMs }
	)
	const connections = new Set<Connection>()
	const limits = {
		maxMessagesPerSecond: config.maxMessagesPerSecond,
		messageBurst: config.messageBurst,
		maxBufferedBytes: config.maxBufferedBytes,
		maxQueuedWhileLoading: 256,
	}
	let shuttingDown = false

	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: config.maxFrameBytes,
		perMessageDeflate: false,
		clientTracking: false,
	})

	const server = createServer((req, res) => {
		void route(req, res).catch((error) => {
			log.error('request failed', { url: req.url, error: String(error) })
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
			res.end('The server had a problem with this request.\n')
		})
	})

	async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = (req.url ?? '/').split('?')[0]!
		if (path === '/healthz') return text(res, 200, 'ok\n')
		if (path === '/readyz')
			return shuttingDown ? text(res, 503, 'shutting down\n') : text(res, 200, 'ready\n')
		if (path === '/metrics') {
			metrics.pendingUpdates = queue.size
			metrics.persistenceLagSeconds = queue.lagSeconds()
			metrics.connections = connections.size
			res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' })
			res.end(metrics.render())
			return
		}
		if (path.startsWith('/api/')) return handleApi({ store, registry }, req, res)
		return serveStatic(config.staticDir, req, res)
	}

	server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
		const url = new URL(req.url ?? '/', 'http://relay.invalid')
		if (!url.pathname.startsWith(SYNC_PATH + '/')) {
			socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
			return
		}
		socket.on('error', () => socket.destroy())
		wss.handleUpgrade(req, socket, head, (ws) => {
			void accept(ws, url).catch((error) => {
				log.error('connection failed', { error: String(error) })
				closeWith(ws, 'serverError')
			})
		})
	})

	async function accept(ws: WebSocket, url: URL): Promise<void> {
		if (shuttingDown) return closeWith(ws, 'serverShuttingDown')
		const id = url.pathname.slice(SYNC_PATH.length + 1)
		if (!isRoomId(id)) {
			log.info('refused a connection', { reason: closeCodes.invalidRoomId.reason })
			metrics.close(closeCodes.invalidRoomId.reason)
			return closeWith(ws, 'invalidRoomId')
		}
		if (connections.size >= config.maxConnections) {
			log.warn('refused a connection', { reason: closeCodes.tooManyConnections.reason })
			metrics.close(closeCodes.tooManyConnections.reason)
			return closeWith(ws, 'tooManyConnections')
		}
		// Listen at once: a client sends its first messages right after the handshake, and they
		// wait in the connection while the id is looked up and the room loads.
		const conn = new Connection(ws, 'edit', id, limits, metrics, log)
		connections.add(conn)
		ws.on('close', () => connections.delete(conn))
		const editIdOfView = await store.editIdOfView(id)
		if (editIdOfView === undefined && url.searchParams.get(ROLE_PARAM) === 'view') {
			return conn.close('unknownViewId')
		}
		if (editIdOfView !== undefined) {
			conn.role = 'view'
			conn.roomId = editIdOfView
		}
		if (ws.readyState !== ws.OPEN) return conn.terminate('closed-early')
		if (conn.role === 'view') conn.send(roleFrame('view'))
		try {
			await registry.enter(conn.roomId, conn, config.maxConnectionsPerRoom)
		} catch (error) {
			if (error instanceof TooManyRoomsError) return conn.close('tooManyRooms')
			if (error instanceof RoomFullError) return conn.close('roomFull')
			log.error('room failed to load', { room: conn.roomId, error: String(error) })
			return conn.close('serverError')
		}
	}

	const ping = setInterval(() => {
		for (const conn of connections) {
			if (conn.closed) continue
			if (!conn.alive) {
				conn.terminate('ping-timeout')
				continue
			}
			conn.alive = false
			conn.socket.ping()
		}
	}, config.pingIntervalMs)
	ping.unref()

	const sweep = setInterval(
		() => {
			const before = Date.now() - config.awarenessTimeoutMs
			registry.forEach((room) => room.sweepAwareness(before))
		},
		Math.max(1000, Math.floor(config.awarenessTimeoutMs / 3))
	)
	sweep.unref()

	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject)
			server.listen(config.port, config.host, () => {
				server.off('error', reject)
				resolve()
			})
		})
	} catch (error) {
		// Port taken, say: give the data folder back before reporting.
		clearInterval(ping)
		clearInterval(sweep)
		metrics.stop()
		await store.close()
		throw error
	}
	const port = (server.address() as AddressInfo).port
	log.info('relay listening', {
		port,
		host: config.host,
		dataDir: config.dataDir,
		staticDir: config.staticDir,
	})

	let closing: Promise<void> | null = null
	return {
		port,
		url: `http://127.0.0.1:${port}`,
		config,
		metrics,
		flush: () => queue.flush(),
		close() {
			closing ??= (async () => {
				shuttingDown = true
				clearInterval(ping)
				clearInterval(sweep)
				const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
				for (const conn of [...connections]) conn.close('serverShuttingDown')
				server.closeAllConnections()
				await registry.closeAll()
				await queue.flush()
				const unwritten = queue.size
				queue.stop()
				await store.close()
				metrics.stop()
				for (const conn of connections) conn.socket.terminate()
				await serverClosed
				if (unwritten > 0) {
					// The clients that sent them still hold them and send them again on reconnect.
					throw new Error(`${unwritten} accepted updates could not be written before stopping`)
				}
				log.info('relay stopped', { port })
			})()
			return closing
		},
	}
}

function roleFrame(role: 'edit' | 'view'): Uint8Array {
	const encoder = encoding.createEncoder()
	encoding.writeVarUint(encoder, messageType.roomRole)
	encoding.writeVarString(encoder, JSON.stringify({ role }))
	return encoding.toUint8Array(encoder)
}

function closeWith(ws: WebSocket, name: CloseCodeName): void {
	const { code, reason } = closeCodes[name]
	ws.close(code, reason)
	setTimeout(() => ws.terminate(), 1000).unref()
}

function text(res: ServerResponse, status: number, body: string): void {
	res.writeHead(status, {
		'content-type': 'text/plain; charset=utf-8',
		'cache-control': 'no-store',
	})
	res.end(body)
}

function definedOnly<T extends object>(options: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(options).filter(([, v]) => v !== undefined)
	) as Partial<T>
}
