import { beforeAll, describe, expect, it } from 'vitest'
import type { Relay } from '../../sync-server/createRelay'
import type { Browser } from 'playwright-core'
import {
	launchBrowser,
	openPage,
	screenshotPath,
	shapeProps,
	startRelayWithClient,
	viewLinkFrom,
	waitForConnected,
} from './browserHelpers'

describe('the app and its assets', () => {
	let relay: Relay
	let browser: Browser

	beforeAll(async () => {
		relay = await startRelayWithClient()
		browser = await launchBrowser()
	})

	it('never request anything from a host other than the app own', { timeout: 90_000 }, async () => {
		const alice = await openPage(browser)
		const origin = new URL(relay.url).host
		// Nor does any request fail: the relay clock's HEAD samples, their bodies unread, each
		// showed as net::ERR_ABORTED in the page's network log.
		const failed: string[] = []
		alice.page.on('requestfailed', (request) => {
			failed.push(`${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`)
		})

		// Home, a new map, the name question, drawing with every tool, text with fonts, the share dialog.
		await alice.page.goto(`${relay.url}/`)
		await alice.page.screenshot({ path: screenshotPath('home') })
		await alice.page.getByRole('radio', { name: /Empty map/ }).check()
		await alice.page.getByRole('button', { name: 'Create map' }).click()
		await alice.page.getByLabel('Your name', { exact: true }).fill('Alice')
		await alice.page.screenshot({ path: screenshotPath('name-dialog') })
		await alice.page.getByRole('button', { name: 'Join the map' }).click()
		await waitForConnected(alice.page)
		expect(alice.page.url()).toMatch(/\/r\/[A-Za-z0-9_-]{22}$/)

		// The canvas is the window minus the side panel; the properties panel covers its top right.
		for (const [key, x, y] of [
			['m', 200, 300],
			['c', 500, 300],
			['b', 200, 520],
		] as const) {
			await alice.page.keyboard.press(key)
			await alice.page.mouse.click(x, y)
			// A dropped card opens its title for typing: leave it untitled.
			await alice.page.locator('.dm-title-input').waitFor()
			await alice.page.keyboard.press('Escape')
		}
		await alice.page.keyboard.press('t')
		await alice.page.mouse.click(520, 620)
		await alice.page.keyboard.type('A note in tldraw text')
		await alice.page.keyboard.press('Escape')
		// The share dialog, open until the relay's view link has arrived.
		await viewLinkFrom(alice.page)
		await alice.page.evaluate(() => document.fonts.ready.then(() => undefined))
		await alice.page.waitForTimeout(1000)
		await alice.page.screenshot({ path: screenshotPath('canvas-drawn-with-tools') })

		const shapes = await alice.page.evaluate(() =>
			window
				.editor!.getCurrentPageShapes()
				.map((s) => s.type)
				.sort()
		)
		expect(shapes).toEqual(['blocker', 'enabler', 'milestone', 'text'])
		const id = await alice.page.evaluate(
			() => window.editor!.getCurrentPageShapes().find((s) => s.type === 'milestone')!.id
		)
		expect(await shapeProps(alice.page, id)).not.toBeNull()

		// blob: URLs are made by the page itself and carry its origin; data: URLs go nowhere.
		const hostOf = (url: string) =>
			url.startsWith('blob:') ? new URL(url.slice(5)).host : new URL(url).host
		const elsewhere = alice.requests.filter(
			(url) => !url.startsWith('data:') && hostOf(url) !== origin
		)
		expect(elsewhere).toEqual([])
		expect(failed).toEqual([])
		expect(alice.requests.some((url) => url.endsWith('.woff2'))).toBe(true)
	})
})
