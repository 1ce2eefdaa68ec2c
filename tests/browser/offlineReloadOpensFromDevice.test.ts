import { beforeAll, describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import type { Relay } from '../../sync-server/createRelay'
import {
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	shapeProps,
	startRelayWithClient,
	waitForConnected,
	waitForEditor,
	type TrackedPage,
} from './browserHelpers'

describe('opening a map with no network', () => {
	let relay: Relay
	let alice: TrackedPage
	let url: string

	beforeAll(async () => {
		relay = await startRelayWithClient()
		const browser = await launchBrowser()
		alice = await openPage(browser)
		url = `${relay.url}/r/${newRoomId()}`
		await joinMap(alice, url, 'Alice')
		await waitForConnected(alice.page)
		// The service worker has cached the app shell once it controls the page.
		await alice.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000,
		})
	})

	it('reloads from the service worker and IndexedDB, with every shape drawn before', async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:stage' as never,
				type: 'frame',
				x: 0,
				y: 0,
				props: { w: 900, h: 500, name: 'Stage 1' },
			})
			editor.createShape({
				id: 'shape:m' as never,
				type: 'milestone',
				x: 60,
				y: 80,
				parentId: 'shape:stage' as never,
				props: { title: 'Drawn online' },
			})
		})
		// Let the debounced save to IndexedDB happen, then drop the network and reload.
		await alice.page.waitForTimeout(1500)
		await alice.context.setOffline(true)
		await alice.page.reload()
		await waitForEditor(alice.page)
		expect(await shapeProps(alice.page, 'shape:m')).toMatchObject({ title: 'Drawn online' })
		expect(await shapeProps(alice.page, 'shape:stage')).toMatchObject({ name: 'Stage 1' })
		await alice.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
		await alice.page.screenshot({ path: screenshotPath('canvas-offline-reload') })
	})

	it('keeps edits made after the offline reload and syncs them when the network is back', async () => {
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:m' as never,
				type: 'milestone',
				props: { title: 'Edited offline after reload' },
			})
		})
		await alice.page.waitForTimeout(1000)
		await alice.context.setOffline(false)
		await waitForConnected(alice.page)

		const bob = await openPage(await launchBrowser())
		await joinMap(bob, url, 'Bob')
		await eventually(
			() => shapeProps(bob.page, 'shape:m'),
			(p) => p?.title === 'Edited offline after reload',
			'the relay has the offline edit'
		)
	})

	it('opens the home page offline too, listing the map', async () => {
		await alice.context.setOffline(true)
		await alice.page.goto(`${relay.url}/`)
		await alice.page.getByTestId('recent-maps').waitFor()
		expect(await alice.page.getByTestId('recent-maps').locator('li').count()).toBe(1)
		await alice.page.screenshot({ path: screenshotPath('home-offline') })
		await alice.context.setOffline(false)
	})
})
