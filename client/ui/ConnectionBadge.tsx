import { useValue } from 'tldraw'
import { useRoom } from '../room/RoomContext'
import './connectionBadge.css'

const labels = {
	connected: 'Connected',
	connecting: 'Connecting…',
	reconnecting: 'Reconnecting…',
	offline: 'Offline: changes are saved on this device and will sync',
	stopped: 'Not syncing: changes stay on this device',
} as const

/** A view page has no changes of its own to keep. */
const viewLabels: Partial<Record<keyof typeof labels, string>> = {
	offline: 'Offline: showing the copy saved on this device',
	stopped: 'Not connected',
}

/**
 * Connected / connecting / reconnecting / offline / not syncing, always visible. Why the relay
 * closed the connection (a limit, a bad link) is said in the banner above the canvas and, in
 * short, in the badge's tooltip; that banner also holds the button to connect again
 * (ConnectionRetryButton).
 */
export function ConnectionBadge() {
	const { session } = useRoom()
	const connection = useValue('connection', () => session.connection, [session])
	const state = useValue('connection state', () => connection?.state.get() ?? 'connecting', [
		connection,
	])
	const problem = useValue('connection problem', () => connection?.problem.get() ?? null, [
		connection,
	])
	return (
		<div
			className="dm-connection"
			data-state={state}
			role="status"
			aria-live="polite"
			title={problem ?? undefined}
			data-testid="connection"
		>
			<span className="dm-dot" aria-hidden="true" />
			<span className="dm-connection-label">
				{(session.kind === 'view' ? viewLabels[state] : undefined) ?? labels[state]}
			</span>
		</div>
	)
}
