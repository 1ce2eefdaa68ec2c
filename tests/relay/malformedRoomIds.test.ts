import { expect, test } from 'vitest'
import WebSocket from 'ws'
import { closeCodes } from '../../shared/relayProtocol'
import { closed, expectRelayServes, newRoomId, rawSocket, startRelay } from './startRelay'

test('room ids that are not well-formed are refused with invalid-room-id', async () => {
	const relay = await startRelay()
	const bad = [
		'short',
		'a'.repeat(65),
		`${newRoomId()}/extra`,
		'..%2F..%2Fetc%2Fpasswd0000000000',
		`${newRoomId().slice(0, 21)}!`,
		'%00'.repeat(22),
		'',
	]
	for (const id of bad) {
		const ws = await rawSocket(relay, `/sync/${id}`)
		expect(await closed(ws), id).toEqual({
			code: closeCodes.invalidRoomId.code,
			reason: closeCodes.invalidRoomId.reason,
		})
	}
	await expectRelayServes(relay)
})

test('a websocket outside /sync/ is not accepted', async () => {
	const relay = await startRelay()
	const ws = new WebSocket(relay.url.replace('http:', 'ws:') + '/elsewhere')
	const status = await new Promise<number>((resolve) => {
		ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
		ws.on('error', () => resolve(-1))
	})
	expect([404, -1]).toContain(status)
	await expectRelayServes(relay)
})
