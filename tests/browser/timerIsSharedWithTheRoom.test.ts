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

/** The countdown a page shows on its canvas, in seconds, with its label; null when none. */
async function shownTimer(page: Page): Promise<{ label: string; seconds: number } | null> {
	return page.evaluate(() => {
		const timer = document.querySelector('[data-testid="shared-timer"]')
		if (!timer) return null
		const label = timer.querySelector('.dm-timer-label')?.textContent ?? ''
		const text = timer.querySelector('[data-testid="shared-timer-time"]')?.textContent ?? ''
		const parts = text.split(':').map(Number)
		const seconds = parts.reduce((total, part) => total * 60 + part, 0)
		return { label, seconds }
	})
}

/** Both pages' timers read at the same moment. */
async function bothTimers(a: Page, b: Page) {
	const [first, second] = await Promise.all([shownTimer(a), shownTimer(b)])
	return { first, second }
}

describe('the shared countdown timer', { timeout: 120_000 }, () => {
	let relayUrl: string
	let roomUrl: string
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		const room = await aliceAndBobInOneRoom()
		relayUrl = room.relay.url
		roomUrl = room.url
		alice = room.alice
		bob = room.bob
		await alice.page.getByRole('tab', { name: 'Facilitate' }).click()
	})

	it('started by the facilitator shows on the other page with about the same time left', async () => {
		expect(await shownTimer(bob.page)).toBeNull()
		await alice.page.getByRole('button', { name: '3 min' }).click()
		await alice.page.getByRole('button', { name: 'Start (3:00)' }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t !== null && t.label === 'Time left',
			'Bob sees the running timer'
		)
		expect(await bob.page.getByTestId('timer-status').textContent()).toBe(
			'Timer started for 3 minutes.'
		)
		// Let it run, so that a timer that is not counting down on both pages would show.
		await bob.page.waitForTimeout(2500)
		const { first, second } = await bothTimers(alice.page, bob.page)
		expect(first!.seconds).toBeLessThan(179)
		expect(first!.seconds).toBeGreaterThan(150)
		expect(Math.abs(first!.seconds - second!.seconds)).toBeLessThanOrEqual(1)
		await alice.page.waitForTimeout(300)
		await alice.page.screenshot({ path: screenshotPath('facilitate-timer-running-alice') })
		await bob.page.screenshot({ path: screenshotPath('facilitate-timer-running-bob') })
	})

	it('pauses on both pages at the same time left, and stays paused', async () => {
		await alice.page.getByRole('button', { name: 'Pause', exact: true }).click()
		const paused = await until(
			() => shownTimer(bob.page),
			(t) => t?.label === 'Paused',
			'Bob sees the timer paused'
		)
		expect(await shownTimer(alice.page)).toEqual(paused)
		expect(await bob.page.getByTestId('timer-status').textContent()).toMatch(
			/^Timer paused with 2 minutes \d+ seconds? left\.$/
		)
		await bob.page.waitForTimeout(2000)
		expect(await shownTimer(bob.page)).toEqual(paused)

		await alice.page.getByRole('button', { name: /^Resume/ }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t?.label === 'Time left' && t.seconds < paused!.seconds,
			'Bob sees the timer running again'
		)
	})

	it('resets on both pages to the full duration', async () => {
		await alice.page.getByRole('button', { name: 'Reset', exact: true }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t?.label === 'Ready' && t.seconds === 180,
			'Bob sees the timer reset to 3:00'
		)
		expect(await shownTimer(alice.page)).toEqual({ label: 'Ready', seconds: 180 })
	})

	it('shows to someone who joins late, on an edit link or a view link, the same time left', async () => {
		await alice.page.getByRole('button', { name: '5 min' }).click()
		await alice.page.getByRole('button', { name: 'Start again (5:00)' }).click()
		await alice.page.waitForTimeout(2000)

		const links = (await (
			await fetch(`${roomUrl.replace('/r/', '/api/rooms/')}/links`)
		).json()) as { view: string }
		const browser = alice.context.browser()!
		const carol = await openPage(browser)
		const viewer = await openPage(browser)
		await joinMap(carol, roomUrl, 'Carol')
		await joinMap(viewer, `${relayUrl}${links.view}`, 'Watcher')
		await waitForConnected(carol.page)
		await waitForConnected(viewer.page)
		for (const late of [carol, viewer]) {
			await until(
				() => shownTimer(late.page),
				(t) => t?.label === 'Time left',
				'the late joiner sees the running timer'
			)
			const { first, second } = await bothTimers(alice.page, late.page)
			expect(first!.seconds).toBeLessThan(299)
			expect(Math.abs(first!.seconds - second!.seconds)).toBeLessThanOrEqual(1)
		}
		await viewer.page.screenshot({ path: screenshotPath('facilitate-timer-view-link') })
		expect(carol.errors).toEqual([])
		expect(viewer.errors).toEqual([])
	})

	it('shows the same time left on a machine whose clock is 90 seconds fast, and when it starts the timer', async () => {
		const dana = await openPage(alice.context.browser()!)
		await dana.context.addInitScript(() => {
			const realNow = Date.now.bind(Date)
			Date.now = () => realNow() + 90_000
		})
		await joinMap(dana, roomUrl, 'Dana')
		await waitForConnected(dana.page)
		const skew = await dana.page.evaluate(() => Date.now() - new Date().getTime())
		expect(Math.abs(skew - 90_000)).toBeLessThan(1000)
		await until(
			() => shownTimer(dana.page),
			(t) => t?.label === 'Time left',
			'Dana sees the running timer'
		)
		// Dana's page samples the relay's clock once it is connected (three HEAD /readyz spread over
		// about a second, see relayClock.ts); until the offset arrives it counts from its own clock,
		// 90 s fast. Wait for the two pages to agree rather than for a fixed while.
		let { first, second } = await until(
			() => bothTimers(alice.page, dana.page),
			(t) =>
				t.first !== null && t.second !== null && Math.abs(t.first.seconds - t.second.seconds) <= 1,
			"Dana's page shows the time left on the relay's clock"
		)
		expect(Math.abs(first!.seconds - second!.seconds)).toBeLessThanOrEqual(1)

		await dana.page.getByRole('tab', { name: 'Facilitate' }).click()
		await dana.page.getByRole('button', { name: '10 min' }).click()
		await dana.page.getByRole('button', { name: 'Start again (10:00)' }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t?.label === 'Time left' && t.seconds > 500,
			'Bob sees the timer Dana started'
		)
		await bob.page.waitForTimeout(2500)
		;({ first, second } = await bothTimers(bob.page, dana.page))
		expect(first!.seconds).toBeLessThan(599)
		expect(first!.seconds).toBeGreaterThan(560)
		expect(Math.abs(first!.seconds - second!.seconds)).toBeLessThanOrEqual(1)
		expect(dana.errors).toEqual([])
	})

	it('says on every page, visibly and to screen readers, when time is up', async () => {
		await alice.page.getByRole('button', { name: 'Custom' }).click()
		await alice.page.getByLabel('Minutes').fill('0:03')
		await alice.page.getByRole('button', { name: 'Start again (0:03)' }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t?.label === "Time's up" && t.seconds === 0,
			"Bob sees that time's up"
		)
		expect(await bob.page.getByTestId('timer-status').textContent()).toBe('Time is up.')
		// Alice's page reaches zero by its own clock (a 250 ms tick and its own estimate of the
		// relay's clock), not at the moment Bob's did: wait for her page's own announcement.
		await expect
			.poll(() => alice.page.getByTestId('timer-status').textContent(), { timeout: 15_000 })
			.toBe('Time is up.')
		expect(await bob.page.getByRole('timer').getAttribute('aria-label')).toBe(
			'Workshop timer: time is up'
		)
		await bob.page.screenshot({ path: screenshotPath('facilitate-timer-up-bob') })

		// Anyone may hide a finished timer on their own screen (it stayed until the facilitator
		// hid it, and a view link cannot); the room's timer is untouched, and a new one shows.
		await bob.page.getByRole('button', { name: 'Hide the timer on this screen' }).click()
		expect(await shownTimer(bob.page)).toBeNull()
		expect((await shownTimer(alice.page))?.label).toBe("Time's up")
		await alice.page.getByRole('button', { name: 'Start again (0:03)' }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t !== null,
			'Bob sees the timer started again'
		)

		await alice.page.getByRole('button', { name: 'Hide', exact: true }).click()
		await until(
			() => shownTimer(bob.page),
			(t) => t === null,
			'the timer leaves Bob’s canvas'
		)
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
