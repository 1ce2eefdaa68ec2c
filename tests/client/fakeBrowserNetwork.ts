import { afterEach, beforeEach } from 'vitest'
import WebSocket from 'ws'
import type { Relay } from '../../sync-server/createRelay'

/** The browser globals RoomConnection reads. */
const names = ['location', 'navigator', 'window', 'WebSocket'] as const

export interface FakeBrowserNetwork {
	/** Points `location` at the relay, as a page served by it would be. */
	pointAt(relay: Relay): void
	/** `navigator.onLine` turns false and the window hears 'offline', as when Wi-Fi drops. */
	goOffline(): void
	/** `navigator.onLine` turns true and the window hears 'online'. */
	goOnline(): void
}

/**
 * Just enough of a browser page for RoomConnection in Node: `location`, `navigator.onLine`, a
 * window that dispatches 'online' and 'offline', and the `ws` package as `WebSocket` (the global
 * y-websocket uses when not given a polyfill). Call it at the top of a test file: each test gets
 * a fresh page, online and pointing nowhere, and whatever Node had before is put back after it.
 * `afterEach` hooks run in reverse order, so connections closed in an `afterEach` registered later
 * are closed while the page is still there.
 */
export function fakeBrowserNetwork(): FakeBrowserNetwork {
	let navigator = { onLine: true }
	let window = new EventTarget()
	const define = (name: (typeof names)[number], value: unknown) =>
		Object.defineProperty(globalThis, name, { value, configurable: true, writable: true })
	let saved = new Map<string, PropertyDescriptor | undefined>()
	beforeEach(() => {
		saved = new Map(names.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]))
		navigator = { onLine: true }
		window = new EventTarget()
		define('navigator', navigator)
		define('window', window)
		define('WebSocket', WebSocket)
		define('location', { protocol: 'http:', host: 'relay.invalid' })
	})
	afterEach(() => {
		for (const [name, descriptor] of saved) {
			if (descriptor) Object.defineProperty(globalThis, name, descriptor)
			else delete (globalThis as Record<string, unknown>)[name]
		}
	})
	return {
		pointAt(relay) {
			const { protocol, host } = new URL(relay.url)
			define('location', { protocol, host })
		},
		goOffline() {
			navigator.onLine = false
			window.dispatchEvent(new Event('offline'))
		},
		goOnline() {
			navigator.onLine = true
			window.dispatchEvent(new Event('online'))
		},
	}
}
