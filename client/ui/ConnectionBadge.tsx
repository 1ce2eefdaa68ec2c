import { useValue } from 'tldraw'
import { useRoom } from '../room/RoomContext'

const labels = {
	connected: 'Connected',
	connecting: 'Connecting…',
	offline: 'Offline: changes are saved on this device and will sync',
} as const

/** Connected / connecting / offline, always visible. */
export function ConnectionBadge() {
	const { session } = useRoom()
	const state = useValue(
		'connection state',
		() => session.connection?.state.get() ?? 'connecting',
		[session]
	)
	return (
		<div
			className="dm-connection"
			data-state={state}
			role="status"
			aria-live="polite"
			data-testid="connection"
		>
			<span className="dm-dot" aria-hidden="true" />
			{labels[state]}
		</div>
	)
}
