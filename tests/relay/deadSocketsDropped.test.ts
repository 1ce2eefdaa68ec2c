import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { expectRelayServes, newRoomId, startRelay, until } from './startRelay'

test('a socket that stops answering pings is dropped', async () => {
	const relay = await startRelay({ pingIntervalMs: 100 })
	const ws = new WebSocket(`${relay.url.replace('http:', 'ws:')}/sync/${newRoomId()}`, {
		autoPong: false,
	})
	const closedAt = new Promise<void>((resolve) => ws.on('close', () => resolve()))
	await until(
		() => relay.metrics.closed.get('ping-timeout') === 1,
		'the relay drops the silent socket'
	)
	await closedAt
	expect(ws.readyState).toBe(WebSocket.CLOSED)
	await expectRelayServes(relay)
})

test('a socket that answers pings stays', async () => {
	const relay = await startRelay({ pingIntervalMs: 50 })
	const ws = new WebSocket(`${relay.url.replace('http:', 'ws:')}/sync/${newRoomId()}`)
	await new Promise((r) => ws.once('open', r))
	await new Promise((r) => setTimeout(r, 400))
	expect(ws.readyState).toBe(WebSocket.OPEN)
	ws.close()
})
