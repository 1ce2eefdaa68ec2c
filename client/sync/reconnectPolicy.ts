import { closeCodeName, type CloseCodeName } from '../../shared/relayProtocol'

/**
 * What the client does when the relay closes its connection with one of the shared close codes.
 * - `retry`: a limit that passes (rate, load, a restart): wait (with growing, jittered backoff, at
 *   least `minDelayMs`) and connect again, telling the person we are reconnecting. `maxAttempts`
 *   bounds the retries in a row for codes whose cause may be in what this device sends (the same
 *   frame or presence would be sent again): after that many, it stops.
 * - `stop`: reconnecting cannot help (a bad link, a map at the server's size limit, a change too
 *   large to send): stay disconnected, keep working on this device, and say why.
 */
export type ReconnectDecision =
	| { action: 'retry'; minDelayMs: number; maxDelayMs: number; maxAttempts?: number }
	| { action: 'stop' }

export const reconnectPolicy: Record<CloseCodeName, ReconnectDecision> = {
	invalidRoomId: { action: 'stop' },
	unknownViewId: { action: 'stop' },
	// Whatever was too large is still in the document and would be sent again on reconnect.
	frameTooLarge: { action: 'stop' },
	// A garbled frame may be a one-off; if every reconnect is refused, it is not.
	malformedMessage: { action: 'retry', minDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 3 },
	// The relay's token bucket is per connection: come back after it would have refilled.
	rateLimited: { action: 'retry', minDelayMs: 2000, maxDelayMs: 30_000 },
	roomFull: { action: 'retry', minDelayMs: 2000, maxDelayMs: 30_000 },
	tooManyRooms: { action: 'retry', minDelayMs: 2000, maxDelayMs: 30_000 },
	tooManyConnections: { action: 'retry', minDelayMs: 2000, maxDelayMs: 30_000 },
	// The map will not shrink by itself: every change this device sends would be refused again.
	documentTooLarge: { action: 'stop' },
	slowConsumer: { action: 'retry', minDelayMs: 1000, maxDelayMs: 15_000 },
	// Our presence is small; if it is refused every time, retrying forever does not help.
	awarenessTooLarge: { action: 'retry', minDelayMs: 1000, maxDelayMs: 8000, maxAttempts: 3 },
	serverShuttingDown: { action: 'retry', minDelayMs: 500, maxDelayMs: 10_000 },
	serverError: { action: 'retry', minDelayMs: 1000, maxDelayMs: 30_000 },
}

/** The decision for a close code, or null for codes that are not ours (network drops and such). */
export function reconnectDecisionOf(
	code: number
): { name: CloseCodeName; decision: ReconnectDecision } | null {
	const name = closeCodeName(code)
	return name ? { name, decision: reconnectPolicy[name] } : null
}

/**
 * The wait before retry number `attempt` (1 for the first): doubling from `minDelayMs` up to
 * `maxDelayMs`, plus up to half again at random, so that everyone a restarting or busy relay
 * dropped at once does not come back at the same moment.
 */
export function retryDelayMs(
	decision: { minDelayMs: number; maxDelayMs: number },
	attempt: number,
	random: () => number = Math.random
): number {
	const base = Math.min(decision.maxDelayMs, decision.minDelayMs * 2 ** Math.max(0, attempt - 1))
	return Math.round(base * (1 + random() / 2))
}
