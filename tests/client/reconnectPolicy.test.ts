import { describe, expect, it } from 'vitest'
import {
	reconnectDecisionOf,
	reconnectPolicy,
	retryDelayMs,
} from '../../client/sync/reconnectPolicy'
import { closeCodes, type CloseCodeName } from '../../shared/relayProtocol'

const actionOf = (name: CloseCodeName) =>
	reconnectDecisionOf(closeCodes[name].code)?.decision.action

describe('what the client does when the relay closes its connection', () => {
	it('retries the limits that pass, including those in the 4400-4499 range the stock client gives up on', () => {
		for (const name of [
			'rateLimited',
			'roomFull',
			'tooManyRooms',
			'tooManyConnections',
			'slowConsumer',
			'serverShuttingDown',
			'serverError',
		] as const) {
			expect(actionOf(name), name).toBe('retry')
		}
		expect(closeCodes.rateLimited.code).toBeGreaterThanOrEqual(4400)
		expect(closeCodes.roomFull.code).toBeLessThan(4500)
	})

	it('stops for a bad link, a map at the size limit and a change too large to send', () => {
		for (const name of [
			'invalidRoomId',
			'unknownViewId',
			'documentTooLarge',
			'frameTooLarge',
		] as const) {
			expect(actionOf(name), name).toBe('stop')
		}
	})

	it('retries a few times only when the cause may be in what this device sends', () => {
		for (const name of ['malformedMessage', 'awarenessTooLarge'] as const) {
			const decision = reconnectPolicy[name]
			expect(decision.action).toBe('retry')
			expect(decision.action === 'retry' && decision.maxAttempts).toBeGreaterThan(0)
		}
	})

	it('has a decision for every named close code and none for a network drop', () => {
		for (const [name, { code }] of Object.entries(closeCodes)) {
			expect(reconnectDecisionOf(code)?.name).toBe(name)
		}
		expect(reconnectDecisionOf(1006)).toBeNull()
		expect(reconnectDecisionOf(1000)).toBeNull()
	})

	it('waits at least the minimum, doubling per attempt up to the maximum, with jitter', () => {
		const limits = { minDelayMs: 2000, maxDelayMs: 30_000 }
		expect(retryDelayMs(limits, 1, () => 0)).toBe(2000)
		expect(retryDelayMs(limits, 1, () => 1)).toBe(3000)
		expect(retryDelayMs(limits, 2, () => 0)).toBe(4000)
		expect(retryDelayMs(limits, 3, () => 0)).toBe(8000)
		expect(retryDelayMs(limits, 20, () => 0)).toBe(30_000)
		expect(retryDelayMs(limits, 20, () => 1)).toBe(45_000)
		const spread = new Set(Array.from({ length: 20 }, () => retryDelayMs(limits, 1)))
		expect(spread.size).toBeGreaterThan(1)
	})
})
