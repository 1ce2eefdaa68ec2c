/** How often the event-loop probe runs; its lateness is the event-loop lag. */
const LOOP_PROBE_MS = 100

/** Counters and gauges of one relay, rendered as Prometheus text by `render`. */
export class Metrics {
	connections = 0
	roomsLoaded = 0
	bytesIn = 0
	bytesOut = 0
	messagesIn = 0
	framesOut = 0
	updates = 0
	awarenessUpdates = 0
	persistedUpdates = 0
	compactions = 0
	/** Seconds since the oldest update not yet durable; set by the relay before rendering. */
	persistenceLagSeconds = 0
	pendingUpdates = 0
	readonly dropped = new Map<string, number>()
	readonly closed = new Map<string, number>()
	private loopLagLast = 0
	private loopLagMax = 0
	private readonly loopProbe: NodeJS.Timeout

	constructor() {
		let expected = performance.now() + LOOP_PROBE_MS
		this.loopProbe = setInterval(() => {
			const now = performance.now()
			this.loopLagLast = Math.max(0, now - expected)
			this.loopLagMax = Math.max(this.loopLagMax, this.loopLagLast)
			expected = now + LOOP_PROBE_MS
		}, LOOP_PROBE_MS)
		this.loopProbe.unref()
	}

	drop(reason: string): void {
		this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1)
	}

	close(reason: string): void {
		this.closed.set(reason, (this.closed.get(reason) ?? 0) + 1)
	}

	stop(): void {
		clearInterval(this.loopProbe)
	}

	/** Prometheus text format 0.0.4. */
	render(): string {
		const lines: string[] = []
		const metric = (name: string, type: string, help: string, samples: [string, number][]) => {
			lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
			for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`)
		}
		const one = (value: number): [string, number][] => [['', value]]
		const labelled = (label: string, map: Map<string, number>): [string, number][] =>
			[...map].map(([key, value]) => [`{${label}="${key}"}`, value])
		metric('relay_rooms_loaded', 'gauge', 'Rooms held in memory.', one(this.roomsLoaded))
		metric('relay_connections', 'gauge', 'Open websocket connections.', one(this.connections))
		metric(
			'relay_bytes_received_total',
			'counter',
			'Websocket payload bytes received.',
			one(this.bytesIn)
		)
		metric('relay_bytes_sent_total', 'counter', 'Websocket payload bytes sent.', one(this.bytesOut))
		metric(
			'relay_messages_received_total',
			'counter',
			'Websocket messages received.',
			one(this.messagesIn)
		)
		metric('relay_frames_sent_total', 'counter', 'Websocket messages sent.', one(this.framesOut))
		metric('relay_updates_total', 'counter', 'Document updates accepted.', one(this.updates))
		metric(
			'relay_awareness_updates_total',
			'counter',
			'Awareness updates accepted.',
			one(this.awarenessUpdates)
		)
		metric(
			'relay_persisted_updates_total',
			'counter',
			'Log entries written.',
			one(this.persistedUpdates)
		)
		metric('relay_compactions_total', 'counter', 'Snapshots written.', one(this.compactions))
		metric(
			'relay_persistence_pending_updates',
			'gauge',
			'Accepted updates not yet durable.',
			one(this.pendingUpdates)
		)
		metric(
			'relay_persistence_lag_seconds',
			'gauge',
			'Age of the oldest accepted update not yet durable (0 when none).',
			one(this.persistenceLagSeconds)
		)
		metric(
			'relay_messages_dropped_total',
			'counter',
			'Messages ignored, by reason.',
			labelled('reason', this.dropped)
		)
		metric(
			'relay_connections_closed_total',
			'counter',
			'Connections closed by the relay, by reason.',
			labelled('reason', this.closed)
		)
		metric(
			'relay_event_loop_lag_seconds',
			'gauge',
			`How late a ${LOOP_PROBE_MS} ms timer fired, last time.`,
			one(this.loopLagLast / 1000)
		)
		metric(
			'relay_event_loop_lag_max_seconds',
			'gauge',
			'Largest event-loop lag since the previous scrape.',
			one(this.loopLagMax / 1000)
		)
		this.loopLagMax = this.loopLagLast
		const memory = process.memoryUsage()
		metric('relay_resident_memory_bytes', 'gauge', 'Resident set size.', one(memory.rss))
		return lines.join('\n') + '\n'
	}
}
