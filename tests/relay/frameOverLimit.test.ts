import { expect, test } from 'vitest'
import { closeCodes } from '../../shared/relayProtocol'
import { closed, expectRelayServes, newRoomId, rawSocket, startRelay } from './startRelay'

test('a frame over the size limit closes that connection with frame-too-large', async () => {
	const relay = await startRelay({ maxFrameBytes: 64 * 1024 })
	const ws = await rawSocket(relay, `/sync/${newRoomId()}`)
	const result = closed(ws)
	const frame = new Uint8Array(100 * 1024)
	frame[0] = 0
	frame[1] = 2
	ws.send(frame)
	expect(await result).toEqual({
		code: closeCodes.frameTooLarge.code,
		reason: closeCodes.frameTooLarge.reason,
	})
	expect(relay.metrics.closed.get('frame-too-large')).toBe(1)
	await expectRelayServes(relay)
})

test('the default limit is 2 MiB', async () => {
	const relay = await startRelay()
	expect(relay.config.maxFrameBytes).toBe(2 * 1024 * 1024)
	const ws = await rawSocket(relay, `/sync/${newRoomId()}`)
	const result = closed(ws)
	ws.send(new Uint8Array(2 * 1024 * 1024 + 1))
	expect((await result).code).toBe(closeCodes.frameTooLarge.code)
	await expectRelayServes(relay)
})
