import { atom } from 'tldraw'

/** How many times the relay's clock is sampled; each narrows the range the offset can be in. */
const SAMPLES = 3
const SAMPLE_GAP_MS = 350

/**
 * The offset (ms) from this machine's clock to the relay's: 0 while unknown, and 0 when this
 * clock agrees with the relay's as far as the relay's `Date` header can tell (a whole second).
 * The shared timer stores its start in relay time, so that two machines whose clocks disagree
 * still show the same remaining time.
 */
export const relayClockOffset = atom('relay clock offset', 0)

let started = false

/** The relay's time now, as this machine best knows it. */
export function relayNow(): number {
	return Date.now() + relayClockOffset.get()
}

/** Converts a time on the relay's clock to this machine's clock. */
export function toLocalTime(relayTime: number): number {
	return relayTime - relayClockOffset.get()
}

/**
 * Samples the relay's clock from the `Date` header of `HEAD /readyz` (not cached, and not seen by
 * the service worker, which only handles GET). Each sample bounds the offset: the relay read its
 * clock at some moment between sending and receiving, and that reading was within the second the
 * header names. Offline or without a header, the offset stays 0 (this machine's clock is used);
 * a sampling cut short by the network is tried again on the next call.
 */
export function startRelayClock(): void {
	if (started) return
	started = true
	void sample()
}

async function sample(): Promise<void> {
	let low = -Infinity
	let high = Infinity
	for (let i = 0; i < SAMPLES; i++) {
		if (i > 0) await new Promise((resolve) => setTimeout(resolve, SAMPLE_GAP_MS + i * 111))
		const sentAt = Date.now()
		let header: string | null
		try {
			const response = await fetch('/readyz', { method: 'HEAD', cache: 'no-store' })
			header = response.headers.get('date')
			// The (empty) body read to its end: left unread, Chromium counted each sample as a
			// failed request (net::ERR_ABORTED), three red lines in every page's network log.
			await response.arrayBuffer()
		} catch {
			started = false
			return
		}
		const receivedAt = Date.now()
		const relaySecond = header ? Date.parse(header) : NaN
		if (!Number.isFinite(relaySecond)) return
		low = Math.max(low, relaySecond - receivedAt)
		high = Math.min(high, relaySecond + 1000 - sentAt)
	}
	if (low > high) return
	relayClockOffset.set(low <= 0 && high >= 0 ? 0 : Math.round((low + high) / 2))
}
