import { newRoomId } from '../../shared/roomId'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll } from 'vitest'
import { createRelay, type Relay } from '../../sync-server/createRelay'
import { distDir, ensureClientBuilt, repoRoot } from '../helpers/ensureClientBuilt'

export { distDir, ensureClientBuilt, repoRoot }
export const artifactsDir = join(repoRoot, 'test-artifacts')

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

const cleanups: Array<() => Promise<void> | void> = []
afterAll(async () => {
	while (cleanups.length > 0) await cleanups.pop()!()
})

/** A real relay on a random port serving the built client, with a temporary data folder. */
export async function startRelayWithClient(): Promise<Relay> {
	ensureClientBuilt()
	const dataDir = mkdtempSync(join(tmpdir(), 'dm-browser-'))
	const relay = await createRelay({
		port: 0,
		host: '127.0.0.1',
		dataDir,
		staticDir: distDir,
		logLevel: 'silent',
	})
	cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
	cleanups.push(() => relay.close())
	return relay
}

export async function launchBrowser(): Promise<Browser> {
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	})
	cleanups.push(() => browser.close())
	return browser
}

export interface TrackedPage {
	context: BrowserContext
	page: Page
	/** Every URL the page (or its service worker) requested. */
	requests: string[]
	/** Console errors and uncaught exceptions. */
	errors: string[]
}

const devices = {
	laptop: { viewport: { width: 1280, height: 800 } },
	tablet: { viewport: { width: 768, height: 1024 }, hasTouch: true },
	phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
}

/**
 * A page in its own browser context (its own storage, as a second person's browser would be), on
 * a laptop's window unless another device is named.
 */
export async function openPage(
	browser: Browser,
	{ device = 'laptop' }: { device?: keyof typeof devices } = {}
): Promise<TrackedPage> {
	const context = await browser.newContext(devices[device])
	const page = await context.newPage()
	const requests: string[] = []
	const errors: string[] = []
	context.on('request', (request) => requests.push(request.url()))
	page.on('websocket', (ws) => requests.push(ws.url()))
	page.on('pageerror', (error) => errors.push(String(error)))
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text())
	})
	return { context, page, requests, errors }
}

/** Opens a map link and answers the first-join name question; resolves when the editor is up. */
export async function joinMap(tracked: TrackedPage, url: string, name: string): Promise<void> {
	const { page } = tracked
	await page.goto(url)
	const nameInput = page.getByLabel('Your name', { exact: true })
	await nameInput.waitFor({ timeout: 20_000 })
	await nameInput.fill(name)
	await page.getByRole('button', { name: 'Join the map' }).click()
	await waitForEditor(page)
}

export async function waitForEditor(page: Page): Promise<void> {
	await page.waitForFunction(() => window.editor !== undefined, undefined, { timeout: 20_000 })
}

export async function waitForConnected(page: Page): Promise<void> {
	await page.getByTestId('connection').filter({ hasText: 'Connected' }).waitFor({ timeout: 20_000 })
}

export function screenshotPath(name: string): string {
	mkdirSync(artifactsDir, { recursive: true })
	return join(artifactsDir, `${name}.png`)
}

/** The props of a shape as a page sees them (null when the page does not have it). */
export async function shapeProps(page: Page, id: string): Promise<Record<string, unknown> | null> {
	return page.evaluate((shapeId) => {
		const shape = window.editor!.getShape(shapeId as never)
		return shape ? ({ x: shape.x, y: shape.y, ...shape.props } as Record<string, unknown>) : null
	}, id)
}

/** Polls `check` in Node until it holds; fails with `what` after `timeoutMs`. */
export async function eventually<T>(
	check: () => Promise<T>,
	accept: (value: T) => boolean,
	what: string,
	timeoutMs = 15_000
): Promise<T> {
	const start = Date.now()
	let last: T = await check()
	while (!accept(last)) {
		if (Date.now() - start > timeoutMs) {
			throw new Error(`timed out waiting until ${what}; last value: ${JSON.stringify(last)}`)
		}
		await new Promise((r) => setTimeout(r, 100))
		last = await check()
	}
	return last
}

/**
 * The map's view link, as its share dialog gives it to an edit page (the relay sends it after the
 * page connects): the dialog is opened from the keyboard, read once the link is there, and closed.
 */
export async function viewLinkFrom(page: Page, timeoutMs = 15_000): Promise<string> {
	await page.getByRole('button', { name: 'Share', exact: true }).press('Enter')
	const viewInput = page.getByLabel('View link: watch only, cannot change anything')
	const viewUrl = await eventually(
		() => viewInput.inputValue(),
		(v) => v.includes('/v/'),
		'the view link is loaded',
		timeoutMs
	)
	await page.getByRole('button', { name: 'Done' }).click()
	return viewUrl
}

/** Alice, in a browser of her own, connected to one new map on a fresh relay. */
export async function aliceInANewMap(): Promise<{
	relay: Relay
	browser: Browser
	url: string
	alice: TrackedPage
}> {
	const relay = await startRelayWithClient()
	const browser = await launchBrowser()
	const alice = await openPage(browser)
	const url = `${relay.url}/r/${newRoomId()}`
	await joinMap(alice, url, 'Alice')
	await waitForConnected(alice.page)
	return { relay, browser, url, alice }
}

/** Alice and Bob, each in their own browser context, connected to one new map on a fresh relay. */
export async function aliceAndBobInOneRoom(): Promise<{
	relay: Relay
	url: string
	alice: TrackedPage
	bob: TrackedPage
}> {
	const { relay, browser, url, alice } = await aliceInANewMap()
	const bob = await openPage(browser)
	await joinMap(bob, url, 'Bob')
	await waitForConnected(bob.page)
	return { relay, url, alice, bob }
}

/**
 * Where a dialog sits: its box and whether it lies wholly inside the window, and whether the
 * dimmed backdrop behind it covers the whole window (a dialog laid out inside a panel's own layer
 * was cut off at the panel's edge, and dimmed only the panel).
 */
export async function dialogPlacement(
	page: Page,
	selector: string
): Promise<{ inside: boolean; backdropCoversWindow: boolean; box: unknown }> {
	return page.evaluate((sel) => {
		const dialog = document.querySelector(sel)!
		const box = dialog.getBoundingClientRect()
		const backdrop = dialog.closest('.dm-modal-backdrop')!.getBoundingClientRect()
		const { innerWidth: w, innerHeight: h } = window
		return {
			inside: box.left >= 0 && box.top >= 0 && box.right <= w && box.bottom <= h,
			backdropCoversWindow:
				backdrop.left <= 0 && backdrop.top <= 0 && backdrop.right >= w && backdrop.bottom >= h,
			box: box.toJSON(),
		}
	}, selector)
}
