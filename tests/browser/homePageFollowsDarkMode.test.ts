import { newRoomId } from '../../shared/roomId'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import {
	backgroundLuminance,
	contrastFailures,
	expectDarkAndReadable,
	lightBoxes,
	setColorScheme,
} from './colourChecks'

// Dark mode is chosen in the editor's menu, but it is the person's setting on this device: the
// home page (and the "no map here" page) must follow it, not stay white around dark maps.
describe('the home page and dark mode', { timeout: 90_000 }, () => {
	let alice: TrackedPage
	let origin: string

	beforeAll(async () => {
		const relay = await startRelayWithClient()
		origin = relay.url
		const browser = await launchBrowser()
		alice = await openPage(browser)
		await joinMap(alice, `${origin}/r/${newRoomId()}`, 'Alice')
		await waitForConnected(alice.page)
		await alice.page.evaluate(() => {
			window.editor!.updateDocumentSettings({ name: 'Warm homes' })
		})
	})

	it('is light and readable by default', async () => {
		const page = alice.page
		await page.goto(`${origin}/`)
		await page.getByTestId('recent-maps').getByRole('link', { name: 'Warm homes' }).waitFor()
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light')
		expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.9)
		expect(await contrastFailures(page, '.dm-home')).toEqual([])
	})

	it('is dark and readable once dark mode is chosen in a map', async () => {
		const page = alice.page
		await page.goBack()
		await page.waitForFunction(() => window.editor !== undefined, undefined, { timeout: 15_000 })
		await setColorScheme(page, 'dark', true)
		await page.goto(`${origin}/`)
		await page.getByTestId('recent-maps').getByRole('link', { name: 'Warm homes' }).waitFor()
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
		expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05)
		// The template cards, the link field and the recent list: none left white, all readable.
		await page.getByRole('radio', { name: /Backcasting/ }).check()
		await expectDarkAndReadable(page, '.dm-home', 'dark-mode-home')
	})

	it('paints dark from the first frame, before the app’s code has loaded', async () => {
		// The preference Alice chose in the map, as tldraw stored it on her device.
		const stored = await alice.page.evaluate(() => localStorage.getItem('TLDRAW_USER_DATA_v3'))
		expect(stored).toContain('"dark"')
		// A context of her browser with the app's scripts held back (and no service worker, which
		// would fetch them past the block): what shows meanwhile is the HTML and the stylesheet.
		const context = await alice.page.context().browser()!.newContext({ serviceWorkers: 'block' })
		try {
			await context.addInitScript((value) => {
				localStorage.setItem('TLDRAW_USER_DATA_v3', value)
			}, stored!)
			await context.route('**/assets/*.js', (route) => route.abort())
			const page = await context.newPage()
			await page.goto(`${origin}/`)
			expect(await page.locator('#root').innerHTML()).toBe('')
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
			expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05)
		} finally {
			await context.close()
		}
	})

	it('follows a dark system from the first visit, the map too, until a scheme is chosen', async () => {
		// tldraw's default is light: a person on a dark desktop got a white home page and map.
		const context = await alice.page
			.context()
			.browser()!
			.newContext({ colorScheme: 'dark', serviceWorkers: 'block' })
		try {
			const page = await context.newPage()
			await page.goto(`${origin}/`)
			await page.getByRole('button', { name: 'Create map' }).waitFor()
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
			expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05)
			await page.goto(`${origin}/r/${newRoomId()}`)
			await page.waitForFunction(() => window.editor !== undefined, undefined, { timeout: 15_000 })
			expect(await page.evaluate(() => window.editor!.user.getIsDarkMode())).toBe(true)
			expect(await page.evaluate(() => window.editor!.user.getUserPreferences().colorScheme)).toBe(
				'system'
			)
			// The first paint of the next visit, before the app's code: dark as well.
			await context.route('**/assets/*.js', (route) => route.abort())
			const next = await context.newPage()
			await next.goto(`${origin}/`)
			expect(await next.evaluate(() => document.documentElement.dataset.theme)).toBe('dark')
		} finally {
			await context.close()
		}
	})

	it('says "no map here" in the same colours', async () => {
		const page = alice.page
		// A link cut short when it was pasted: the app's page says it is not a map link.
		await page.goto(`${origin}/r/abc`)
		await page.getByRole('heading', { name: 'No map here' }).waitFor()
		expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05)
		expect(await lightBoxes(page, 'main')).toEqual([])
		expect(await contrastFailures(page, 'main')).toEqual([])
	})

	it('follows the system while the setting is "system", as it changes', async () => {
		const page = alice.page
		await page.goBack()
		await page.goBack()
		await page.waitForFunction(() => window.editor !== undefined, undefined, { timeout: 15_000 })
		await page.emulateMedia({ colorScheme: 'light' })
		await setColorScheme(page, 'system', false)
		await page.goto(`${origin}/`)
		await page.getByTestId('recent-maps').waitFor()
		expect(await backgroundLuminance(page, 'body')).toBeGreaterThan(0.9)
		await page.emulateMedia({ colorScheme: 'dark' })
		await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', undefined, {
			timeout: 5000,
		})
		expect(await backgroundLuminance(page, 'body')).toBeLessThan(0.05)
		await page.screenshot({ path: screenshotPath('dark-mode-home-system') })
		expect(alice.errors).toEqual([])
	})
})
