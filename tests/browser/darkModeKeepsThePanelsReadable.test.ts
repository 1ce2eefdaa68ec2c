import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { newRoomId } from '../../shared/roomId'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	joinMap,
	launchBrowser,
	openPage,
	repoRoot,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import { drawSampleMap, openExportMenu } from './exportMenuHelpers'

type Scheme = 'dark' | 'light' | 'system'

/** Sets the person's colour scheme as tldraw's Preferences menu does, and waits for tldraw. */
async function setColorScheme(page: Page, colorScheme: Scheme, dark: boolean): Promise<void> {
	await page.evaluate((scheme) => {
		window.editor!.user.updateUserPreferences({ colorScheme: scheme })
	}, colorScheme)
	await page.waitForFunction((wantDark) => window.editor!.user.getIsDarkMode() === wantDark, dark, {
		timeout: 5000,
	})
	// The side panel and the dialogs follow in the same reaction (useThemeAttribute), and
	// getComputedStyle reads the styles as they are now: nothing more to wait for.
}

/** WCAG relative luminance of an element's own background colour (0 black, 1 white). */
async function backgroundLuminance(page: Page, selector: string): Promise<number> {
	return page.evaluate((sel) => {
		const element = document.querySelector(sel)
		if (!element) throw new Error(`nothing matches ${sel}`)
		const [r, g, b] = getComputedStyle(element)
			.backgroundColor.match(/[\d.]+/g)!
			.slice(0, 3)
			.map(Number)
			.map((c) => c / 255)
			.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
		return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
	}, selector)
}

/**
 * Boxes inside `selector` painted light: an opaque background brighter than mid grey on anything
 * bigger than a dot. In dark mode there should be none (a white card, input or menu left over).
 */
async function lightBoxes(page: Page, selector: string): Promise<string[]> {
	return page.evaluate((sel) => {
		const found: string[] = []
		const root = document.querySelector(sel)
		if (!root) throw new Error(`nothing matches ${sel}`)
		for (const element of [root, ...Array.from(root.querySelectorAll('*'))]) {
			const style = getComputedStyle(element)
			const parts = style.backgroundColor.match(/[\d.]+/g)?.map(Number) ?? []
			const [r = 0, g = 0, b = 0, a = 1] = parts
			if (a < 0.5 || style.visibility === 'hidden' || style.display === 'none') continue
			const box = element.getBoundingClientRect()
			if (box.width * box.height < 400) continue
			const lum = [r, g, b]
				.map((c) => c / 255)
				.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
			const luminance = 0.2126 * lum[0]! + 0.7152 * lum[1]! + 0.0722 * lum[2]!
			if (luminance > 0.4) {
				found.push(`${element.tagName.toLowerCase()}.${element.className} ${style.backgroundColor}`)
			}
		}
		return found
	}, selector)
}

/**
 * axe-core's color-contrast failures inside `selector` (each element, its colours and ratio), and
 * the text it could not judge. axe cannot see past tldraw's layers: it reports text beside or
 * inside tldraw's UI as "overlapped" (nothing is over it) and judges none of it. So while axe
 * reads, tldraw's container is hidden, all but `selector` when that lies inside it; the colours
 * are the same. Text axe still cannot judge fails the check, except what is partly scrolled out of
 * sight, an empty field, or an icon.
 */
async function contrastFailures(page: Page, selector: string): Promise<string[]> {
	const loaded = await page.evaluate(() => 'axe' in window)
	if (!loaded) {
		await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') })
	}
	return page.evaluate(async (sel) => {
		interface Node {
			target: unknown
			failureSummary?: string
			any: Array<{ data?: { messageKey?: string } | null; message: string }>
		}
		type Result = { violations: Array<{ nodes: Node[] }>; incomplete: Array<{ nodes: Node[] }> }
		const axe = (
			window as unknown as { axe: { run(el: Element, options: unknown): Promise<Result> } }
		).axe
		const judgedLater = [
			'elmPartiallyObscured',
			'outsideViewport',
			'emptyValue',
			'nonBmp',
			'shortTextContent',
		]
		const element = document.querySelector(sel)
		if (!element) throw new Error(`nothing matches ${sel}`)
		const hide = document.createElement('style')
		hide.textContent = element.closest('.tl-container')
			? `.tl-container, .tl-container * { visibility: hidden !important; }
				${sel}, ${sel} * { visibility: visible !important; }`
			: '.tl-container { visibility: hidden !important; }'
		document.head.append(hide)
		try {
			const result = await axe.run(element, {
				runOnly: { type: 'rule', values: ['color-contrast'] },
			})
			const failed = result.violations.flatMap((v) =>
				v.nodes.map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`)
			)
			const unjudged = result.incomplete.flatMap((v) =>
				v.nodes
					.filter((n) => !n.any.some((c) => judgedLater.includes(c.data?.messageKey ?? '')))
					.map((n) => `${JSON.stringify(n.target)} not judged: ${n.any.map((c) => c.message)}`)
			)
			return [...failed, ...unjudged]
		} finally {
			hide.remove()
		}
	}, selector)
}

/** Both checks on one part of the page, with a screenshot to look at. */
async function expectDarkAndReadable(page: Page, selector: string, shot: string): Promise<void> {
	await page.screenshot({ path: screenshotPath(shot) })
	expect(await backgroundLuminance(page, selector), `${selector} background`).toBeLessThan(0.05)
	expect(await lightBoxes(page, selector), `light boxes left in ${selector}`).toEqual([])
	expect(await contrastFailures(page, selector), `contrast in ${selector}`).toEqual([])
}

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
		const relay = await startRelayWithClient()
		const browser = await launchBrowser()
		alice = await openPage(browser)
		await joinMap(alice, `${relay.url}/r/${newRoomId()}`, 'Alice')
		await waitForConnected(alice.page)
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
