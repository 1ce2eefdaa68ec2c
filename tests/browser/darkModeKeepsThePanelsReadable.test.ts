import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceInANewMap, screenshotPath, type TrackedPage } from './browserHelpers'
import {
	backgroundLuminance,
	contrastFailures,
	expectDarkAndReadable,
	lightBoxes,
	setColorScheme,
} from './colourChecks'
import { cardColours } from '../../client/shapes/cardColours'
import { downloadFrom, drawSampleMap, openExportMenu } from './exportMenuHelpers'

async function openTab(page: Page, name: string): Promise<void> {
	const tab = page.getByRole('tab', { name, exact: true })
	if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click()
	await page.getByRole('tabpanel').waitFor()
}

/**
 * Opens the share dialog from the keyboard: where tldraw's top bar puts the button is not this
 * test's subject (since the map's name took room top left, the bar's right end can sit under the
 * open side panel on a laptop's window, where a click does not reach it).
 */
async function openShareDialog(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Share', exact: true }).press('Enter')
	await page.locator('.dm-share').waitFor()
}

// Generous: the machine is shared, and a page can take long to open under load.
describe('dark mode', { timeout: 90_000 }, () => {
	let alice: TrackedPage

	beforeAll(async () => {
		alice = (await aliceInANewMap()).alice
		// Milestones, enablers and blockers, with problems (missing owners, a blocker unresolved).
		await drawSampleMap(alice.page)
		await alice.page
			.getByTestId('plan-outline')
			.getByRole('treeitem', { name: /^Milestone: First 100 homes retrofitted / })
			.waitFor({ timeout: 15_000 })
		await setColorScheme(alice.page, 'dark', true)
	})

	it('makes the side panel dark and readable on every tab', async () => {
		const page = alice.page
		await openTab(page, 'Plan')
		// With a milestone selected, its form is pinned under the outline.
		await page
			.getByTestId('plan-outline')
			.getByRole('treeitem', { name: /^Milestone: First 100 homes retrofitted / })
			.click()
		await page.getByTestId('outline-milestone-form').waitFor()
		await expectDarkAndReadable(page, '.dm-sidebar', 'dark-mode-plan')

		await openTab(page, 'People')
		await page.locator('.dm-person').first().waitFor()
		await expectDarkAndReadable(page, '.dm-sidebar', 'dark-mode-people')

		// A milestone with check-ins (its RAG trail is on the card), and a RAG chosen for the next.
		await page.evaluate(() => {
			window.editor!.select('shape:m-needs' as never)
		})
		await openTab(page, 'Check-in')
		await page.locator('.dm-checkin-card [data-testid="rag-trail"]').waitFor()
		await page.getByRole('tabpanel').locator('.dm-rag-option[data-rag="amber"]').click()
		await expectDarkAndReadable(page, '.dm-sidebar', 'dark-mode-checkin')

		await openTab(page, 'Facilitate')
		await page.locator('.dm-fac-stage').first().waitFor()
		await expectDarkAndReadable(page, '.dm-sidebar', 'dark-mode-facilitate')

		await openExportMenu(page)
		await expectDarkAndReadable(page, '.dm-action-menu-popup', 'dark-mode-export-menu')
		await page.keyboard.press('Escape')
	})

	it('makes the top bar and the properties panel readable', async () => {
		const page = alice.page
		await page.evaluate(() => {
			window.editor!.select('shape:m-homes' as never)
		})
		await page.getByTestId('properties-panel').waitFor()
		await page.screenshot({ path: screenshotPath('dark-mode-properties') })
		expect(await lightBoxes(page, '[data-testid="properties-panel"]')).toEqual([])
		expect(await contrastFailures(page, '[data-testid="properties-panel"]')).toEqual([])
		expect(await lightBoxes(page, '.dm-share-zone')).toEqual([])
		expect(await contrastFailures(page, '.dm-share-zone')).toEqual([])
		await page.evaluate(() => {
			window.editor!.selectNone()
		})
	})

	it('draws the cards dark and readable, on the canvas and in the SVG download', async () => {
		const page = alice.page
		// One card of each kind, all in view (axe judges only the text it sees on the screen).
		const ids = await page.evaluate(() => {
			const editor = window.editor!
			const first = (type: string) => editor.getCurrentPageShapes().find((s) => s.type === type)!
			const cards = ['milestone', 'enabler', 'blocker'].map(first)
			const bounds = cards.map((s) => editor.getShapePageBounds(s)!)
			const box = bounds.reduce((a, b) => a.union(b))
			editor.selectNone()
			editor.zoomToBounds(box, { targetZoom: 1, animation: { duration: 0 } })
			return cards.map((s) => s.id)
		})
		for (const id of ids) {
			const card = `.tl-shape[data-shape-id="${id}"] .dm-shape`
			await page.locator(card).waitFor()
			expect(await backgroundLuminance(page, card), `${card} background`).toBeLessThan(0.05)
			expect(await lightBoxes(page, card), `light boxes in ${card}`).toEqual([])
			// axe cannot judge text on the blocker's hazard stripes (a gradient); the band and its
			// dark words are the same in both themes.
			const failures = await contrastFailures(page, card)
			expect(
				failures.filter((f) => !/dm-hazard-band > .dm-kind.*background gradient/.test(f)),
				`contrast in ${card}`
			).toEqual([])
		}
		await page.screenshot({ path: screenshotPath('dark-mode-cards') })
		const milestone = `.tl-shape[data-shape-id="${ids[0]}"] .dm-shape`
		const painted = await page.evaluate(
			(sel) => getComputedStyle(document.querySelector(sel)!).backgroundColor,
			milestone
		)
		const { surface, text } = cardColours.dark
		const rgb = (hex: string) =>
			`rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`
		expect(painted).toBe(rgb(surface))

		// The download is drawn in the colour mode the map is shown in: the same dark cards.
		const svg = (await downloadFrom(page, 'SVG image')).bytes.toString('utf8')
		expect(svg).toContain(`fill="${surface}"`)
		expect(svg).toContain(`fill="${text}"`)
		// No card drawn light (white words on a service's band are expected).
		expect(svg).not.toMatch(new RegExp(`<(rect|path)[^>]*fill="${cardColours.light.surface}"`))
		expect(alice.errors).toEqual([])
	})

	it('makes the share dialog dark and readable', async () => {
		const page = alice.page
		await openShareDialog(page)
		// The view link comes from the relay; until then its field shows a placeholder.
		await page.waitForFunction(
			() => document.querySelector<HTMLInputElement>('#dm-view-link')?.value.includes('/v/'),
			undefined,
			{ timeout: 10_000 }
		)
		await expectDarkAndReadable(page, '.dm-share', 'dark-mode-share-dialog')
		await page.getByRole('button', { name: 'Done' }).click()
	})

	it('follows the system setting when tldraw is set to follow it', async () => {
		const page = alice.page
		await page.emulateMedia({ colorScheme: 'dark' })
		await setColorScheme(page, 'system', true)
		expect(await backgroundLuminance(page, '.dm-sidebar')).toBeLessThan(0.05)
		await page.emulateMedia({ colorScheme: 'light' })
		await page.waitForFunction(() => !window.editor!.user.getIsDarkMode(), undefined, {
			timeout: 5000,
		})
		expect(await backgroundLuminance(page, '.dm-sidebar')).toBeGreaterThan(0.9)
	})

	it('goes back to light, readable too, when switched back', async () => {
		const page = alice.page
		await setColorScheme(page, 'dark', true)
		expect(await backgroundLuminance(page, '.dm-sidebar')).toBeLessThan(0.05)
		await setColorScheme(page, 'light', false)
		await openTab(page, 'Plan')
		expect(await backgroundLuminance(page, '.dm-sidebar')).toBeGreaterThan(0.9)
		expect(await backgroundLuminance(page, '.dm-sidebar-bar')).toBeGreaterThan(0.9)
		expect(await contrastFailures(page, '.dm-sidebar')).toEqual([])
		await openShareDialog(page)
		expect(await backgroundLuminance(page, '.dm-share')).toBeGreaterThan(0.9)
		expect(await contrastFailures(page, '.dm-share')).toEqual([])
		await page.screenshot({ path: screenshotPath('light-mode-share-dialog') })
		await page.getByRole('button', { name: 'Done' }).click()
		expect(alice.errors).toEqual([])
	})
})
