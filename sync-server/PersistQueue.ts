import type { Logger } from './log'
import type { Metrics } from './Metrics'
import type { LogEntry, RoomStore } from './RoomStore'

/**
 * Batches accepted updates of every room into one store transaction per window
 * (`flushIntervalMs`, at most 100 ms). `flush` writes at once and resolves when everything
 * pushed before it is durable.
 */
export class PersistQueue {
	private pending: LogEntry[] = []
	private pendingSince = 0
	private timer: NodeJS.Timeout | null = null
	private writing: Promise<void> = Promise.resolve()
	private inFlight = 0
	private inFlightSince = 0
	private failures = 0

	constructor(
		private readonly store: RoomStore,
		private readonly flushIntervalMs: number,
		private readonly metrics: Metrics,
		private readonly log: Logger
	) {}

	push(roomId: string, seq: number, update: Uint8Array): void {
		if (this.pending.length === 0) this.pendingSince = Date.now()
		this.pending.push({ roomId, seq, update })
		this.timer ??= setTimeout(() => void this.flush(), this.flushIntervalMs)
	}

	/** Entries accepted but not yet durable. */
	get size(): number {
		return this.pending.length + this.inFlight
	}

	/** Seconds since the oldest entry that is not yet durable was accepted. */
	lagSeconds(now = Date.now()): number {
		const since =
			this.inFlight > 0 ? this.inFlightSince : this.pending.length > 0 ? this.pendingSince : now
		return (now - since) / 1000
	}

	/** Forgets waiting entries of a room that a snapshot up to `upToSeq` already holds. */
	dropCovered(roomId: string, upToSeq: number): void {
		this.pending = this.pending.filter((e) => e.roomId !== roomId || e.seq > upToSeq)
	}

	/** Cancels the retry timer (at shutdown, after the last flush). */
	stop(): void {
		if (this.timer) clearTimeout(this.timer)
		this.timer = null
	}

	flush(): Promise<void> {
		if (this.timer) {
			clearTimeout(this.timer)
			this.timer = null
		}
		if (this.pending.length === 0) return this.writing
		const batch = this.pending.sort(byRoom)
		const since = this.pendingSince
		this.pending = []
		this.writing = this.writing.then(() => this.write(batch, since))
		return this.writing
	}

	private async write(batch: LogEntry[], since: number): Promise<void> {
		this.inFlight = batch.length
		this.inFlightSince = since
		try {
			await this.store.append(batch)
			this.metrics.persistedUpdates += batch.length
			this.failures = 0
		} catch (error) {
			// Keep the entries and try again: dropping them would lose accepted edits.
			this.failures++
			this.log.error('writing updates failed; will retry', {
				entries: batch.length,
				attempt: this.failures,
				error: error instanceof Error ? error.message : String(error),
			})
			this.pending = batch.concat(this.pending)
			this.pendingSince = Math.min(since, this.pendingSince || since)
			this.timer ??= setTimeout(() => void this.flush(), Math.min(5000, 100 * 2 ** this.failures))
		} finally {
			this.inFlight = 0
		}
	}
}

function byRoom(a: LogEntry, b: LogEntry): number {
	return a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : a.seq - b.seq
}
