import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	joinMap,
	openPage,
	screenshotPath,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'

/** Waits across pages get 30 s: several engineers' browser tests share this machine's two cores. */
function until<T>(check: () => Promise<T>, accept: (value: T) => boolean, what: string) {
	return eventually(check, accept, what, 30_000)
}

function viewportCentre(page: Page): Promise<{ x: number; y: number }> {
	return page.evaluate(() => window.editor!.getViewportPageBounds().center.toJson())
}

function following(page: Page): Promise<string | null> {
	return page.evaluate(() => window.editor!.getInstanceState().followingUserId)
}

function near(a: { x: number; y: number }, b: { x: number; y: number }, tolerance = 30): boolean {
	return Math.abs(a.x - b.x) < tolerance && Math.abs(a.y - b.y) < tolerance
}

/** Moves a page's camera as a script would (not a summon): a new place on the map. */
async function moveCamera(page: Page, x: number, y: number, z = 1) {
	await page.evaluate(
		({ x, y, z }) => {
			window.editor!.setCamera({ x, y, z })
		},
		{ x, y, z }
	)
}

describe('bring everyone to me', { timeout: 120_000 }, () => {
	let relayUrl: string
	let roomUrl: string
	let alice: TrackedPage
	let bob: TrackedPage
	let aliceId: string

	beforeAll(async () => {
		const room = await aliceAndBobInOneRoom()
		relayUrl = room.relay.url
		roomUrl = room.url
		alice = room.alice
		bob = room.bob
		aliceId = await alice.page.evaluate(() => window.editor!.user.getRecordId() as string)
		await alice.page.getByRole('tab', { name: 'Facilitate' }).click()
		// Alice's presence (her camera) must have reached Bob before she can be followed.
		await until(
			() => bob.page.evaluate(() => window.editor!.getCollaborators().map((c) => c.userName)),
			(names) => names.includes('Alice'),
			'Bob sees Alice in the room'
		)
	})

	it("moves the other page's view to the facilitator's and keeps it there while she moves", async () => {
		await moveCamera(alice.page, -3000, -2000, 0.5)
		await moveCamera(bob.page, 400, 300, 1)
		const aliceCentre = await viewportCentre(alice.page)
		expect(near(aliceCentre, await viewportCentre(bob.page))).toBe(false)

		await alice.page.getByRole('button', { name: 'Bring everyone to me' }).click()
		await until(
			() => viewportCentre(bob.page),
			(centre) => near(centre, aliceCentre),
			"Bob's view is centred where Alice's is"
		)
		expect(await following(bob.page)).toBe(aliceId)
		const notice = bob.page.getByTestId('follow-notice')
		await notice.waitFor()
		expect(await notice.textContent()).toContain('Following Alice — move to stop')
		// tldraw's own "Stop following" shares the column above the notice (it covered the notice
		// and the workshop timer, both under the menu).
		const stop = bob.page.getByRole('button', { name: 'Stop following' })
		const [stopBox, noticeBox] = [await stop.boundingBox(), await notice.boundingBox()]
		expect(stopBox && noticeBox && stopBox.y + stopBox.height <= noticeBox.y).toBe(true)
		await alice.page
			.getByTestId('summon-state')
			.filter({ hasText: '1 of 1 following you.' })
			.waitFor({ timeout: 15_000 })
		await bob.page.screenshot({ path: screenshotPath('facilitate-follow-notice-bob') })

		await moveCamera(alice.page, 1500, 900, 1)
		const moved = await viewportCentre(alice.page)
		await until(
			() => viewportCentre(bob.page),
			(centre) => near(centre, moved),
			"Bob's view follows Alice's next move"
		)
	})

	it('stops following when the summoned person pans their own view', async () => {
		await bob.page.mouse.move(400, 400)
		await bob.page.mouse.wheel(0, 300)
		await until(
			() => following(bob.page),
			(id) => id === null,
			'Bob stops following after panning'
		)
		await bob.page.getByTestId('follow-notice').waitFor({ state: 'detached' })
		const bobCentre = await viewportCentre(bob.page)
		await moveCamera(alice.page, -5000, 4000, 1)
		await bob.page.waitForTimeout(1000)
		expect(near(await viewportCentre(bob.page), bobCentre, 1)).toBe(true)
	})

	it('stops following when the summoned person clicks the canvas', async () => {
		await alice.page.getByRole('button', { name: 'Bring everyone to me' }).click()
		await until(
			() => following(bob.page),
			(id) => id === aliceId,
			'Bob follows again'
		)
		await bob.page.mouse.click(300, 500)
		await until(
			() => following(bob.page),
			(id) => id === null,
			'Bob stops following after clicking'
		)
	})

	it('brings people on the view link too, but not someone who arrives after the call', async () => {
		const links = (await (
			await fetch(`${roomUrl.replace('/r/', '/api/rooms/')}/links`)
		).json()) as { view: string }
		const browser = alice.context.browser()!
		const viewer = await openPage(browser)
		await joinMap(viewer, `${relayUrl}${links.view}`, 'Watcher')
		await waitForConnected(viewer.page)
		await until(
			() => alice.page.evaluate(() => window.editor!.getCollaborators().map((c) => c.userName)),
			(names) => names.includes('Watcher'),
			'Alice sees the watcher'
		)
		await until(
			() => viewer.page.evaluate(() => window.editor!.getCollaborators().map((c) => c.userName)),
			(names) => names.includes('Alice'),
			'the watcher sees Alice'
		)
		await moveCamera(alice.page, 2500, -1200, 0.75)
		const aliceCentre = await viewportCentre(alice.page)
		await alice.page.getByRole('button', { name: 'Bring everyone to me' }).click()
		await until(
			() => viewportCentre(viewer.page),
			(centre) => near(centre, aliceCentre),
			"the watcher's view is centred where Alice's is"
		)
		expect(await following(viewer.page)).toBe(aliceId)

		const carol = await openPage(browser)
		await joinMap(carol, roomUrl, 'Carol')
		await waitForConnected(carol.page)
		await until(
			() => carol.page.evaluate(() => window.editor!.getCollaborators().map((c) => c.userName)),
			(names) => names.includes('Alice'),
			'Carol sees Alice'
		)
		await carol.page.waitForTimeout(1000)
		expect(await following(carol.page)).toBeNull()
		expect(viewer.errors).toEqual([])
		expect(carol.errors).toEqual([])
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
