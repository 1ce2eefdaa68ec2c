import { useValue } from 'tldraw'
import type { ConnectionState, RoomConnection } from '../sync/RoomConnection'

/** What the button says in the states where the person may connect again. */
const retryLabels: Partial<Record<ConnectionState, string>> = {
	stopped: 'Try again',
	reconnecting: 'Retry now',
}

/**
 * In the connection banner: once the relay has stopped us, connects again (the cause may have
 * passed, and otherwise only a reload would try); while reconnecting, skips the wait. It sits in
 * the banner that says why, not beside the badge: the top bar has no room for it there, and a
 * warning squeezed beside it became a tall, narrow column over the canvas.
 */
export function ConnectionRetryButton({ connection }: { connection: RoomConnection | null }) {
	const state = useValue('connection state', () => connection?.state.get() ?? null, [connection])
	const label = state ? retryLabels[state] : undefined
	if (!connection || !label) return null
	return (
		<button type="button" className="dm-link-button" onClick={() => connection.retry()}>
			{label}
		</button>
	)
}
