import { fileURLToPath } from 'node:url'
import type { RoomBus } from './RoomBus'
import type { RoomStore } from './RoomStore'
import type { LogLevel } from './log'

/** Every setting of the relay. Each has an environment variable (see `envNames`) and a default. */
export interface RelayConfig {
	port: number
	host: string
	/** Folder of the SQLite database. */
	dataDir: string
	/** The built client (`vite build` output). */
	staticDir: string
	logLevel: LogLevel
	/** Largest websocket message accepted, in bytes. */
	maxFrameBytes: number
	/** Messages per second a connection may send on average (token bucket refill rate). */
	maxMessagesPerSecond: number
	/** Messages a connection may send in one burst (token bucket size). */
	messageBurst: number
	maxConnectionsPerRoom: number
	/** Connections across all rooms. */
	maxConnections: number
	/** Rooms held in memory at once. */
	maxRooms: number
	/** Stored size of one room's document (snapshot plus update log), in bytes. */
	maxDocumentBytes: number
	/** Awareness client ids one connection may introduce (a browser tab has one). */
	maxAwarenessClientsPerConnection: number
	/** Bytes of one awareness state (a person's cursor, selection, name...). */
	maxAwarenessStateBytes: number
	/** Bytes queued for one slow client before it is closed. */
	maxBufferedBytes: number
	/** Interval between pings; a socket that did not answer the previous ping is dropped. */
	pingIntervalMs: number
	/** Longest time an accepted update waits before its batch is written (at most 100 ms). */
	flushIntervalMs: number
	/** Log entries since the last snapshot that trigger a compaction. */
	compactAfterUpdates: number
	/** Log bytes since the last snapshot that trigger a compaction. */
	compactAfterBytes: number
	/** How long a room with no connection stays in memory before it is flushed and unloaded. */
	roomIdleMs: number
	/** Awareness states not renewed for this long are removed (stock clients renew every 15 s). */
	awarenessTimeoutMs: number
	/** `FULL` also survives power loss; `NORMAL` survives a crashed or killed process. */
	sqliteSynchronous: 'NORMAL' | 'FULL'
	/** Storage engine; the SQLite store in `dataDir` when absent. */
	store?: RoomStore
	/** Fan-out between relay processes; an in-process bus when absent. */
	bus?: RoomBus
}

export const defaultConfig: Readonly<Omit<RelayConfig, 'store' | 'bus'>> = {
	port: 8787,
	host: '0.0.0.0',
	dataDir: './data',
	// The repository's dist/, wherever the relay is started from.
	staticDir: fileURLToPath(new URL('../dist', import.meta.url)),
	logLevel: 'info',
	maxFrameBytes: 2 * 1024 * 1024,
	maxMessagesPerSecond: 500,
	messageBurst: 2000,
	maxConnectionsPerRoom: 200,
	maxConnections: 10_000,
	maxRooms: 1000,
	maxDocumentBytes: 64 * 1024 * 1024,
	maxAwarenessClientsPerConnection: 64,
	maxAwarenessStateBytes: 256 * 1024,
	maxBufferedBytes: 16 * 1024 * 1024,
	pingIntervalMs: 30_000,
	flushIntervalMs: 50,
	compactAfterUpdates: 2000,
	compactAfterBytes: 4 * 1024 * 1024,
	roomIdleMs: 30_000,
	awarenessTimeoutMs: 30_000,
	sqliteSynchronous: 'NORMAL',
}

type SettingName = keyof typeof defaultConfig

/** The environment variable of each setting. */
export const envNames: Record<SettingName, string> = {
	port: 'PORT',
	host: 'HOST',
	dataDir: 'DATA_DIR',
	staticDir: 'STATIC_DIR',
	logLevel: 'LOG_LEVEL',
	maxFrameBytes: 'MAX_FRAME_BYTES',
	maxMessagesPerSecond: 'MAX_MESSAGES_PER_SECOND',
	messageBurst: 'MESSAGE_BURST',
	maxConnectionsPerRoom: 'MAX_CONNECTIONS_PER_ROOM',
	maxConnections: 'MAX_CONNECTIONS',
	maxRooms: 'MAX_ROOMS',
	maxDocumentBytes: 'MAX_DOCUMENT_BYTES',
	maxAwarenessClientsPerConnection: 'MAX_AWARENESS_CLIENTS_PER_CONNECTION',
	maxAwarenessStateBytes: 'MAX_AWARENESS_STATE_BYTES',
	maxBufferedBytes: 'MAX_BUFFERED_BYTES',
	pingIntervalMs: 'PING_INTERVAL_MS',
	flushIntervalMs: 'FLUSH_INTERVAL_MS',
	compactAfterUpdates: 'COMPACT_AFTER_UPDATES',
	compactAfterBytes: 'COMPACT_AFTER_BYTES',
	roomIdleMs: 'ROOM_IDLE_MS',
	awarenessTimeoutMs: 'AWARENESS_TIMEOUT_MS',
	sqliteSynchronous: 'SQLITE_SYNCHRONOUS',
}

const logLevels: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent']

/**
 * Reads the settings from environment variables. Throws one Error that names every bad variable,
 * so that a misconfigured relay stops at start instead of misbehaving later.
 */
export function configFromEnv(env: NodeJS.ProcessEnv): Omit<RelayConfig, 'store' | 'bus'> {
	const config: Record<string, unknown> = { ...defaultConfig }
	const problems: string[] = []
	for (const [key, name] of Object.entries(envNames) as [SettingName, string][]) {
		const raw = env[name]
		if (raw === undefined || raw === '') continue
		const fallback = defaultConfig[key]
		if (typeof fallback === 'number') {
			const value = Number(raw)
			const min = key === 'port' ? 0 : 1
			if (!Number.isInteger(value) || value < min || (key === 'port' && value > 65535)) {
				problems.push(
					`${name}=${raw} is not a whole number${key === 'port' ? ' from 0 to 65535' : ' above 0'}`
				)
			} else config[key] = value
		} else if (key === 'logLevel') {
			if (!(logLevels as readonly string[]).includes(raw)) {
				problems.push(`${name}=${raw} is not one of ${logLevels.join(', ')}`)
			} else config[key] = raw
		} else if (key === 'sqliteSynchronous') {
			const upper = raw.toUpperCase()
			if (upper !== 'NORMAL' && upper !== 'FULL')
				problems.push(`${name}=${raw} is not NORMAL or FULL`)
			else config[key] = upper
		} else config[key] = raw
	}
	if (Number(config.flushIntervalMs) > 100) {
		problems.push(`${envNames.flushIntervalMs} must be at most 100 (ms)`)
	}
	if (problems.length > 0) throw new Error(`Invalid relay settings: ${problems.join('; ')}`)
	return config as unknown as Omit<RelayConfig, 'store' | 'bus'>
}
