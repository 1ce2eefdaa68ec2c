import { beforeAll, describe, expect, it } from 'vitest'
import { closeCodeMessages, ROLE_PARAM } from '../../shared/relayProtocol'
import { newRoomId } from '../../shared/roomId'
import type { Relay } from '../../sync-server/createRelay'
import {
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
} from './browserHelpers'
import type { Browser, Page } from 'playwright-core'

const socketsOf = (requests: string[]) => requests.filter((url) => url.startsWith('ws:'))

/** The page says the relay does not know its view link: in the banner, and in the badge. */
async function saysUnknownViewLink(page: Page) {
	await page
		.getByRole('alert')
		.filter({ hasText: closeCodeMessages.unknownViewId })
		.waitFor({ timeout: 20_000 })
	await page
		.getByTestId('connection')
		.filter({ hasText: 'Not connected' })
		.waitFor({ timeout: 20_000 })
}

describe('a view page', () => {
	let relay: Relay
	let browser: Browser

	beforeAll(async () => {
		relay = await startRelayWithClient()
		browser = await launchBrowser()
	})

	it('connects with the view role, so the relay knows it before answering', async () => {
		const editId = newRoomId()
		const links = (await (await fetch(`${relay.url}/api/rooms/${editId}/links`)).json()) as {
			viewId: string
		}
		const viewer = await openPage(browser)
		await joinMap(viewer, `${relay.url}/v/${links.viewId}`, 'Watcher')
		await waitForConnected(viewer.page)
		const sockets = socketsOf(viewer.requests)
		expect(sockets.length).toBeGreaterThan(0)
		for (const url of sockets) {
			const parsed = new URL(url)
			expect(parsed.pathname).toBe(`/sync/${links.viewId}`)
			expect(parsed.searchParams.get(ROLE_PARAM)).toBe('view')
		}
	})

	it('with an unknown view id is refused, says so, does not retry by itself or open a room, and is refused again on Try again', async () => {
		const unknownId = newRoomId()
		const viewer = await openPage(browser)
		await joinMap(viewer, `${relay.url}/v/${unknownId}`, 'Watcher')
		await saysUnknownViewLink(viewer.page)
		// The stock client's own backoff would have tried again within a few seconds.
		await viewer.page.waitForTimeout(5000)
		expect(socketsOf(viewer.requests)).toHaveLength(1)
		expect(new URL(socketsOf(viewer.requests)[0]!).searchParams.get(ROLE_PARAM)).toBe('view')
		// Try again asks the relay once more, and says the same when it is refused again.
		await viewer.page.getByRole('button', { name: 'Try again' }).click()
		await eventually(
			async () => socketsOf(viewer.requests).length,
			(count) => count === 2,
			'a second socket'
		)
		await saysUnknownViewLink(viewer.page)
		await viewer.page.getByRole('button', { name: 'Try again' }).waitFor({ timeout: 20_000 })
		// No editable room was opened under the view id.
		const plan = await fetch(`${relay.url}/api/rooms/${unknownId}/plan?format=json`)
		expect(plan.status).toBe(404)
		await viewer.page.screenshot({ path: screenshotPath('view-unknown-id') })
	})
})
