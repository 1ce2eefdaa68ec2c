import * as decoding from 'lib0/decoding'
import { atom, type Atom } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import {
	closeCodeMessages,
	messageType,
	ROLE_PARAM,
	SYNC_PATH,
	type RoomRole,
} from '../../shared/relayProtocol'
import { reconnectDecisionOf, retryDelayMs } from './reconnectPolicy'

/**
 * - `connecting`: opening the first connection, or the network dropped a moment ago.
 * - `reconnecting`: the relay closed us for a limit that passes (see reconnectPolicy); waiting.
 * - `offline`: no network; edits are kept on this device and sync when it is back.
 * - `stopped`: the relay refused us for a reason reconnecting cannot fix; `problem` says why.
 */
export type ConnectionState = 'connected' | 'connecting' | 'reconnecting' | 'offline' | 'stopped'

/** How long we keep saying "connecting" before telling people they are offline. */
const OFFLINE_AFTER_MS = 4000
/** A connection that stayed up this long resets the retry count of the relay's limits. */
const STABLE_AFTER_MS = 10_000

/**
 * The network side of a room: a stock y-websocket provider on `/sync/<roomId>` (with `?role=view`
 * for view links), plus our `roomRole` message, the relay's named close codes (retry with backoff
 * or stop, per reconnectPolicy, each with its message for the person), and the browser's
 * online/offline events (so a dropped venue Wi-Fi shows as offline at once and reconnects as soon
 * as it is back).
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
	private retryTimer: ReturnType<typeof setTimeout> | null = null
	/** Closes by the relay in a row (reset once a connection stays up). */
	private attempts = 0
	private connectedAt = 0

	constructor(roomId: string, doc: Y.Doc, kind: RoomRole) {
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
				// The relay knows a view connection before it answers: an unknown view id is refused
				// instead of opening a new, editable room under that id.
				params: kind === 'view' ? { [ROLE_PARAM]: 'view' } : {},
				shouldReconnect: (event) => this.onRelayClose(event),
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
		window.addEventListener('offline', this.onOffline)
		window.addEventListener('online', this.onOnline)
		if (!navigator.onLine) this.state.set('offline')
		else this.startOfflineTimer()
	}

	get awareness() {
		return this.provider.awareness
	}

	/**
	 * The provider asks this when the relay closed the connection. For our named codes we always
	 * answer "no" (so the provider does not retry at once on its own short backoff) and either
	 * connect again after our own delay or stop. Other codes (a dropped network) keep the stock
	 * behaviour.
	 */
	private onRelayClose(event: CloseEvent): boolean {
		const known = reconnectDecisionOf(event.code)
		if (!known) return true
		const { name, decision } = known
		if (this.connectedAt > 0 && Date.now() - this.connectedAt >= STABLE_AFTER_MS) this.attempts = 0
		this.connectedAt = 0
		this.attempts++
		this.problem.set(closeCodeMessages[name])
		this.clearOfflineTimer()
		this.clearRetryTimer()
		if (
			decision.action === 'stop' ||
			(decision.maxAttempts !== undefined && this.attempts > decision.maxAttempts)
		) {
			this.state.set('stopped')
			return false
		}
		this.state.set(navigator.onLine ? 'reconnecting' : 'offline')
		this.retryTimer = setTimeout(
			() => {
				this.retryTimer = null
				if (navigator.onLine && this.state.get() === 'reconnecting') this.provider.connect()
			},
			retryDelayMs(decision, this.attempts)
		)
		return false
	}

	/**
	 * Connects again now, at the person's request ("Try again"). Once stopped, the cause may have
	 * passed without the page knowing (the operator raised a limit, a fault on the relay was
	 * fixed), and a reload would be the only other way back. While reconnecting, it skips the rest
	 * of the wait. Does nothing in the other states: they are already connected or on their way.
	 */
	retry() {
		const current = this.state.get()
		if (current !== 'stopped' && current !== 'reconnecting') return
		this.clearRetryTimer()
		if (current === 'stopped') {
			// A fresh start: a limit that allows only so many attempts in a row allows them all
			// again, and the reason we stopped is shown again if the relay gives it again.
			this.attempts = 0
			this.problem.set(null)
		}
		if (!navigator.onLine) {
			// The 'online' event connects; until then, the same as any offline page.
			this.state.set('offline')
			return
		}
		this.connectNow()
	}

	/** Opens a connection now, saying "connecting" (and "offline" if none is up in a while). */
	private connectNow() {
		this.state.set('connecting')
		this.provider.connect()
		this.startOfflineTimer()
	}

	private onStatus(status: 'connected' | 'connecting' | 'disconnected') {
		if (status === 'connected') {
			this.clearOfflineTimer()
			this.connectedAt = Date.now()
			this.problem.set(null)
			this.state.set('connected')
			return
		}
		const current = this.state.get()
		// The relay's close decided these: wait for our retry, or stay stopped.
		if (current === 'stopped' || current === 'reconnecting') return
		if (!navigator.onLine) {
			this.state.set('offline')
			return
		}
		if (current === 'connected') this.state.set('connecting')
		this.startOfflineTimer()
	}

	private startOfflineTimer() {
		if (this.offlineTimer !== null) return
		this.offlineTimer = setTimeout(() => {
			this.offlineTimer = null
			const current = this.state.get()
			if (current === 'stopped' || current === 'reconnecting') return
			if (!this.provider.wsconnected) this.state.set('offline')
		}, OFFLINE_AFTER_MS)
	}

	private clearOfflineTimer() {
		if (this.offlineTimer !== null) clearTimeout(this.offlineTimer)
		this.offlineTimer = null
	}

	private clearRetryTimer() {
		if (this.retryTimer !== null) clearTimeout(this.retryTimer)
		this.retryTimer = null
	}

	private onOffline = () => {
		if (this.state.get() === 'stopped') return
		this.clearOfflineTimer()
		this.clearRetryTimer()
		this.state.set('offline')
		this.provider.disconnect()
	}

	private onOnline = () => {
		// Refused for good: the network coming back does not change the relay's answer.
		if (this.state.get() === 'stopped') return
		this.connectNow()
	}

	destroy() {
		this.clearOfflineTimer()
		this.clearRetryTimer()
		window.removeEventListener('offline', this.onOffline)
		window.removeEventListener('online', this.onOnline)
		this.provider.destroy()
	}
}
