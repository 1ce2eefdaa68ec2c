import * as decoding from 'lib0/decoding'
import { atom, type Atom } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
	closeCodeMessages,
	closeCodeName,
	messageType,
	SYNC_PATH,
	type RoomRole,
} from '../../shared/relayProtocol'

export type ConnectionState = 'connected' | 'connecting' | 'offline'

/** How long we keep saying "connecting" before telling people they are offline. */
const OFFLINE_AFTER_MS = 4000

/**
 * The network side of a room: a stock y-websocket provider on `/sync/<roomId>`, plus our
 * `roomRole` message, close-code messages, and the browser's online/offline events (so that a
 * dropped venue Wi-Fi shows as offline at once and reconnects as soon as it is back).
 */
export class RoomConnection {
	readonly provider: WebsocketProvider
	readonly state: Atom<ConnectionState>
	/** The role the relay told us, if it did (view connections are told `view`). */
	readonly role: Atom<RoomRole | null>
	/** A message for the person when the relay closed the connection with a known code. */
	readonly problem: Atom<string | null>
	readonly synced: Atom<boolean>
	private offlineTimer: ReturnType<typeof setTimeout> | null = null

	constructor(roomId: string, doc: Y.Doc) {
		const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
		this.state = atom('connection state', 'connecting')
		this.role = atom('room role', null)
		this.problem = atom('connection problem', null)
		this.synced = atom('synced', false)
		this.provider = new WebsocketProvider(
			`${protocol}//${location.host}${SYNC_PATH}`,
			roomId,
			doc,
			{
				connect: navigator.onLine,
				maxBackoffTime: 4000,
			}
		)
		this.provider.messageHandlers[messageType.roomRole] = (_encoder, decoder) => {
			try {
				const parsed = JSON.parse(decoding.readVarString(decoder)) as { role?: unknown }
				if (parsed.role === 'view' || parsed.role === 'edit') this.role.set(parsed.role)
			} catch {
				// A malformed role message changes nothing: the view route is read-only anyway.
			}
		}
		this.provider.on('status', ({ status }) => this.onStatus(status))
		this.provider.on('sync', (isSynced: boolean) => this.synced.set(isSynced))
		this.provider.on('connection-close', (event) => {
			const name = event ? closeCodeName(event.code) : undefined
			if (name) this.problem.set(closeCodeMessages[name])
		})
		window.addEventListener('offline', this.onOffline)
		window.addEventListener('online', this.onOnline)
		if (!navigator.onLine) this.state.set('offline')
		else this.startOfflineTimer()
	}

	get awareness() {
		return this.provider.awareness
	}

	private onStatus(status: 'connected' | 'connecting' | 'disconnected') {
		if (status === 'connected') {
			this.clearOfflineTimer()
			this.problem.set(null)
			this.state.set('connected')
			return
		}
		if (!navigator.onLine) {
			this.state.set('offline')
			return
		}
		if (this.state.get() === 'connected') this.state.set('connecting')
		this.startOfflineTimer()
	}

	private startOfflineTimer() {
		if (this.offlineTimer !== null) return
		this.offlineTimer = setTimeout(() => {
			this.offlineTimer = null
			if (!this.provider.wsconnected) this.state.set('offline')
		}, OFFLINE_AFTER_MS)
	}

	private clearOfflineTimer() {
		if (this.offlineTimer !== null) clearTimeout(this.offlineTimer)
		this.offlineTimer = null
	}

	private onOffline = () => {
		this.clearOfflineTimer()
		this.state.set('offline')
		this.provider.disconnect()
	}

	private onOnline = () => {
		this.state.set('connecting')
		this.provider.connect()
		this.startOfflineTimer()
	}

	destroy() {
		this.clearOfflineTimer()
		window.removeEventListener('offline', this.onOffline)
		window.removeEventListener('online', this.onOnline)
		this.provider.destroy()
	}
}
