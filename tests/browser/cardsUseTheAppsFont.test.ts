import type { Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
	aliceInANewMap,
	eventually,
	joinMap,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

/** Blocker titles of the sample map long enough to be fitted (fitTitle) on a 220-wide card. */
const LONG_TITLES = [
	'Listed-building consent for conservation-area homes',
	'Current installer framework expires in March 2027',
	'Housing system cannot flag retrofitted homes',
]

/** The family each card title is drawn in, and its fitted font size, by title. */
async function titlesOf(page: Page): Promise<Record<string, { family: string; size: string }>> {
	return page.evaluate((titles) => {
		const found: Record<string, { family: string; size: string }> = {}
		for (const el of document.querySelectorAll<HTMLElement>('.dm-shape .dm-title')) {
			const text = el.textContent ?? ''
			if (!titles.includes(text)) continue
			const style = getComputedStyle(el)
			found[text] = { family: style.fontFamily, size: style.fontSize }
		}
		return found
	}, LONG_TITLES)
}

async function boldFaceLoaded(page: Page): Promise<boolean> {
	return page.evaluate(() =>
		[...document.fonts].some(
			(face) =>
				face.family.replace(/["']/g, '') === 'tldraw_sans' &&
				face.status === 'loaded' &&
				face.style === 'normal' &&
				(face.weight === 'bold' || face.weight === '700')
		)
	)
}

describe('cards are drawn in the app’s own font', () => {
	let alice: TrackedPage
	let mapUrl: string
	let bob: Page
	const held: Route[] = []
	let release: () => void = () => {}
	const released = new Promise<void>((resolve) => (release = resolve))

	beforeAll(async () => {
		const room = await aliceInANewMap()
		mapUrl = room.url
		alice = room.alice
		const browser = room.browser
		await drawSampleMap(alice.page)

		// Bob's network is slow to bring the bold face of the font: the map reaches him first.
		// (Service workers blocked, so that every font request goes through the route.)
		const context = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			serviceWorkers: 'block',
		})
		await context.route('**/IBMPlexSans-Bold-*.woff2', async (route) => {
			held.push(route)
			await released
			await route.continue()
		})
		bob = await context.newPage()
		await joinMap({ context, page: bob, requests: [], errors: [] }, mapUrl, 'Bob')
		await waitForConnected(bob)
	})

	afterAll(() => release())

	it('names tldraw’s sans (IBM Plex Sans, served by the app) for every card', async () => {
		const titles = await eventually(
			() => titlesOf(alice.page),
			(found) => Object.keys(found).length === LONG_TITLES.length,
			'Alice sees the long blocker titles'
		)
		for (const { family } of Object.values(titles)) expect(family).toMatch(/^"?tldraw_sans"?,/)
		expect(await boldFaceLoaded(alice.page)).toBe(true)
	})

	it('fits titles again once the font arrives after the map', async () => {
		await eventually(
			() => titlesOf(bob),
			(found) => Object.keys(found).length === LONG_TITLES.length,
			'Bob sees the long blocker titles before the bold face arrives'
		)
		expect(held.length).toBeGreaterThan(0)
		expect(await boldFaceLoaded(bob)).toBe(false)

		release()
		await eventually(() => boldFaceLoaded(bob), Boolean, 'the bold face loads on Bob’s page')
		// Each title is written at the size Alice's page (font loaded from the start) gives it:
		// not the size the fallback font's wider words needed.
		const expected = await titlesOf(alice.page)
		await eventually(
			() => titlesOf(bob),
			(found) => JSON.stringify(found) === JSON.stringify(expected),
			'Bob’s titles are fitted in the loaded font'
		)
	})
})
