import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { closeCodes, type CloseCodeName, type RoomRole } from '../shared/relayProtocol'
import type { Logger } from './log'
import type { Metrics } from './Metrics'

export interface ConnectionLimits {
	maxMessagesPerSecond: number
	messageBurst: number
	maxBufferedBytes: number
	/** Messages kept while the room loads; more closes the connection. */
	maxQueuedWhileLoading: number
}

/**
 * One websocket client: its role, its rate budget, and the awareness client ids it introduced.
 * `close` ends only this connection, with a named code from the shared table.
 */
export class Connection {
	readonly owned = new Set<number>()
	/** Answered the last ping. */
	alive = true
	closed = false
	/** Frames sent in this turn of the event loop are held and written together at its end. */
	corked = false
	private tokens: number
	private lastRefill = Date.now()
	private handler: ((conn: Connection, data: Uint8Array) => void) | null = null
	private queue: Uint8Array[] | null = []
	private onClose: ((conn: Connection) => void) | null = null

	constructor(
		readonly socket: WebSocket,
		/** The role and room are settled once the id is looked up; messages wait until `attach`. */
		public role: RoomRole,
		public roomId: string,
		private readonly limits: ConnectionLimits,
		private readonly metrics: Metrics,
		private readonly log?: Logger
	) {
		this.tokens = limits.messageBurst
		// ws closes an over-long message with the generic 1009; say it with our named code instead.
		const closeSocket = socket.close.bind(socket)
		socket.close = (code?: number, data?: string | Buffer) => {
			if (code !== 1009) return closeSocket(code, data)
			const { frameTooLarge } = closeCodes
			this.finish()
			closeSocket(frameTooLarge.code, frameTooLarge.reason)
		}
		socket.on('message', (data: Buffer, isBinary: boolean) => this.receive(data, isBinary))
		socket.on('pong', () => {
			this.alive = true
		})
		socket.on('close', () => this.finish())
		socket.on('error', (error: Error & { code?: string }) => {
			if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.metrics.close('frame-too-large')
		})
	}

	/** Starts handing messages to `handler` (first those that arrived while the room loaded). */
	attach(
		handler: (conn: Connection, data: Uint8Array) => void,
		onClose: (conn: Connection) => void
	): void {
		this.handler = handler
		this.onClose = onClose
		const queued = this.queue ?? []
		this.queue = null
		for (const data of queued) {
			if (this.closed) return
			handler(this, data)
		}
	}

	/** Charges extra for a costly message (a large answer): the next message may then be refused. */
	charge(amount: number): void {
		this.tokens -= amount
	}

	/** Gives back part of a message's cost (a duplicate awareness echo costs a twentieth). */
	refund(amount: number): void {
		this.tokens = Math.min(this.limits.messageBurst, this.tokens + amount)
	}

	send(frame: Uint8Array): void {
		if (this.closed) return
		if (!this.corked) corkUntilIdle(this)
		this.socket.send(frame)
		this.metrics.bytesOut += frame.length
		this.metrics.framesOut++
		if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) this.close('slowConsumer')
	}

	/**
	 * Sends a frame already framed by `frameOnce` (for fan-out: framed once, written to many).
	 * Safe because this relay never compresses, so ws writes its own frames at once, in order.
	 */
	sendFramed(framed: Buffer, payloadLength: number): void {
		if (this.closed || this.socket.readyState !== OPEN) return
		const raw = rawSocket(this)
		if (!raw) return
		if (!this.corked) corkUntilIdle(this)
		raw.write(framed)
		this.metrics.bytesOut += payloadLength
		this.metrics.framesOut++
		if (raw.writableLength > this.limits.maxBufferedBytes) this.close('slowConsumer')
	}

	/** Closes with a named code; the socket is cut after a second if the close does not get through. */
	close(name: CloseCodeName): void {
		if (this.closed) return
		const { code, reason } = closeCodes[name]
		this.metrics.close(reason)
		if (name === 'serverShuttingDown')
			this.log?.debug('closed a connection', { room: this.roomId, reason })
		else this.log?.info('closed a connection', { room: this.roomId, reason, role: this.role })
		this.finish()
		try {
			this.socket.close(code, reason)
		} catch {
			this.socket.terminate()
		}
		setTimeout(() => this.socket.terminate(), 1000).unref()
	}

	/** Drops the socket at once (no answer to a ping). */
	terminate(reason: string): void {
		if (this.closed) return
		this.metrics.close(reason)
		this.log?.info('dropped a connection', { room: this.roomId, reason })
		this.finish()
		this.socket.terminate()
	}

	private receive(data: Buffer, isBinary: boolean): void {
		if (this.closed) return
		this.metrics.bytesIn += data.length
		this.metrics.messagesIn++
		const now = Date.now()
		const { maxMessagesPerSecond, messageBurst } = this.limits
		this.tokens = Math.min(
			messageBurst,
			this.tokens + ((now - this.lastRefill) * maxMessagesPerSecond) / 1000
		)
		this.lastRefill = now
		this.tokens -= 1
		if (this.tokens < 0) return this.close('rateLimited')
		if (!isBinary) return this.close('malformedMessage')
		if (this.handler) this.handler(this, data)
		else if (this.queue) {
			this.queue.push(data)
			if (this.queue.length > this.limits.maxQueuedWhileLoading) this.close('rateLimited')
		}
	}

	private finish(): void {
		if (this.closed) return
		this.closed = true
		this.queue = null
		this.handler = null
		const onClose = this.onClose
		this.onClose = null
		onClose?.(this)
	}
}

const OPEN = 1

/** A binary websocket frame (FIN, unmasked, as a server sends) around `payload`. */
export function frameOnce(payload: Uint8Array): Buffer {
	const length = payload.length
	const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10
	const framed = Buffer.allocUnsafe(headerLength + length)
	framed[0] = 0x82
	if (length < 126) framed[1] = length
	else if (length < 65536) {
		framed[1] = 126
		framed.writeUInt16BE(length, 2)
	} else {
		framed[1] = 127
		framed.writeUInt32BE(Math.floor(length / 2 ** 32), 2)
		framed.writeUInt32BE(length >>> 0, 6)
	}
	framed.set(payload, headerLength)
	return framed
}

/**
 * Writes to a socket cost a system call each, and on a busy relay several frames for one client
 * are produced in one turn of the event loop (one per message read in that turn). Corking the
 * TCP socket until `setImmediate` writes them with one call, without adding a timer's delay.
 */
const corked: Connection[] = []

function rawSocket(conn: Connection): Socket | undefined {
	return (conn.socket as unknown as { _socket?: Socket })._socket
}

function corkUntilIdle(conn: Connection): void {
	const raw = rawSocket(conn)
	if (!raw) return
	raw.cork()
	conn.corked = true
	if (corked.push(conn) === 1) setImmediate(uncorkAll)
}

function uncorkAll(): void {
	for (const conn of corked.splice(0)) {
		conn.corked = false
		rawSocket(conn)?.uncork()
	}
}
