import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import {
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
} from './browserHelpers'

describe('a map saved by a newer version of the app', () => {
	it(
		'shows a reload-to-update banner and never writes to the map',
		{ timeout: 60_000 },
		async () => {
			const relay = await startRelayWithClient()
			const roomId = newRoomId()
			const alice = await openPage(await launchBrowser())
			await joinMap(alice, `${relay.url}/r/${roomId}`, 'Alice')
			await waitForConnected(alice.page)

			// A newer client writes its schema (one more migration of the milestone shape).
			const doc = new Y.Doc()
			const provider = new WebsocketProvider(
				relay.url.replace('http:', 'ws:') + '/sync',
				roomId,
				doc,
				{
					WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
					disableBc: true,
				}
			)
			await new Promise<void>((ok) => provider.once('sync', () => ok()))
			const schema = structuredClone(doc.getMap('meta').get('schema')) as {
				sequences: Record<string, number>
			}
			schema.sequences['com.tldraw.shape.milestone'] =
				(schema.sequences['com.tldraw.shape.milestone'] ?? 0) + 1
			doc.getMap('meta').set('schema', schema)

			await alice.page
				.getByTestId('schema-banner')
				.filter({ hasText: 'Reload the page to update' })
				.waitFor()
			expect(await alice.page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
			await alice.page.screenshot({ path: screenshotPath('schema-newer-banner') })

			const before = Y.encodeStateVector(doc)
			await alice.page.evaluate(() => {
				window.editor!.store.put([
					{ ...window.editor!.getCurrentPage(), name: 'Changed by an old client' },
				])
			})
			await alice.page.waitForTimeout(1500)
			expect(Y.encodeStateVector(doc)).toEqual(before)
			provider.destroy()
			doc.destroy()
		}
	)
})
