import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { closeCodeMessages, ROLE_PARAM } from '../../shared/relayProtocol'
import { newRoomId } from '../../shared/roomId'
import { createRelay, type Relay } from '../../sync-server/createRelay'
import {
	distDir,
	ensureClientBuilt,
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	waitForConnected,
	waitForEditor,
	type TrackedPage,
} from './browserHelpers'

const SHAPES = 150

/** The shape ids the relay holds for the room, read by a stock y-websocket client. */
async function shapeIdsOnRelay(relay: Relay, roomId: string): Promise<string[]> {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(relay.url.replace('http:', 'ws:') + '/sync', roomId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	try {
		await new Promise<void>((ok) => provider.once('sync', () => ok()))
		return [...doc.getMap('records').keys()].filter((id) => id.startsWith('shape:burst'))
	} finally {
		provider.destroy()
		doc.destroy()
	}
}

describe('a page the relay rate-limits', () => {
	let relay: Relay
	let alice: TrackedPage
	let roomId: string
	const dataDir = mkdtempSync(join(tmpdir(), 'dm-limits-'))

	beforeAll(async () => {
		ensureClientBuilt()
		// A relay with a tiny budget: 30 messages at once, then 1 a second, per connection.
		relay = await createRelay({
			port: 0,
			host: '127.0.0.1',
			dataDir,
			staticDir: distDir,
			logLevel: 'silent',
			maxMessagesPerSecond: 1,
			messageBurst: 30,
		})
		const browser = await launchBrowser()
		alice = await openPage(browser)
		roomId = newRoomId()
		await joinMap(alice, `${relay.url}/r/${roomId}`, 'Alice')
		await waitForConnected(alice.page)
	})

	afterAll(async () => {
		await relay?.close()
		rmSync(dataDir, { recursive: true, force: true })
	})

	it('is closed for sending too fast, says it is reconnecting, and comes back with every change', async () => {
		// Every state the badge and the banners go through, however briefly.
		await alice.page.evaluate(() => {
			const seen = ((window as unknown as { seen: string[] }).seen = [] as string[])
			const record = () => {
				const badge = document.querySelector('[data-testid="connection"]')
				seen.push(`state:${badge?.getAttribute('data-state')}`)
				for (const alert of document.querySelectorAll('[role="alert"]'))
					seen.push(`alert:${alert.textContent}`)
			}
			new MutationObserver(record).observe(document.body, {
				subtree: true,
				childList: true,
				attributes: true,
				characterData: true,
			})
		})
		// The page may have reloaded for a new build of the app meanwhile.
		await waitForEditor(alice.page)
		// One shape a frame: each is its own message to the relay, far over its budget.
		await alice.page.evaluate(async (count) => {
			for (let i = 0; i < count; i++) {
				window.editor!.createShape({
					id: `shape:burst${i}` as never,
					type: 'milestone',
					x: (i % 10) * 260,
					y: Math.floor(i / 10) * 160,
					props: { title: `Step ${i}` },
				})
				await new Promise((r) => requestAnimationFrame(r))
			}
		}, SHAPES)
		const seen = () => alice.page.evaluate(() => (window as unknown as { seen: string[] }).seen)
		await eventually(seen, (s) => s.includes('state:reconnecting'), 'the badge says reconnecting')
		expect(await seen()).toContain(`alert:${closeCodeMessages.rateLimited}`)
		expect(await seen()).not.toContain('state:stopped')
		const badge = alice.page.getByTestId('connection')
		if (await badge.filter({ hasText: 'Reconnecting' }).count()) {
			await alice.page.screenshot({ path: screenshotPath('connection-reconnecting') })
		}

		// The stock client would stay disconnected for good after this 44xx code.
		await badge.filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 })
		const ids = await eventually(
			() => shapeIdsOnRelay(relay, roomId),
			(found) => found.length === SHAPES,
			`the relay has all ${SHAPES} shapes`,
			60_000
		)
		expect(ids).toHaveLength(SHAPES)
		await expect
			.poll(() => alice.page.getByRole('alert').filter({ hasText: 'Too many changes' }).count())
			.toBe(0)
		// An edit link connects without the view role.
		const sockets = alice.requests.filter((url) => url.startsWith('ws:'))
		expect(sockets.length).toBeGreaterThan(1)
		for (const url of sockets) expect(new URL(url).searchParams.has(ROLE_PARAM)).toBe(false)
	})
})
