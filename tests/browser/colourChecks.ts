import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { repoRoot, screenshotPath } from './browserHelpers'

// Colour checks for the light and dark themes: what the page paints, and whether axe-core finds
// its text readable. Used by the dark-mode tests of the map and of the home page.

export type Scheme = 'dark' | 'light' | 'system'

/** Sets the person's colour scheme as tldraw's Preferences menu does, and waits for tldraw. */
export async function setColorScheme(
	page: Page,
	colorScheme: Scheme,
	dark: boolean
): Promise<void> {
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
export async function backgroundLuminance(page: Page, selector: string): Promise<number> {
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
export async function lightBoxes(page: Page, selector: string): Promise<string[]> {
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
export async function contrastFailures(page: Page, selector: string): Promise<string[]> {
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
export async function expectDarkAndReadable(
	page: Page,
	selector: string,
	shot: string
): Promise<void> {
	await page.screenshot({ path: screenshotPath(shot) })
	expect(await backgroundLuminance(page, selector), `${selector} background`).toBeLessThan(0.05)
	expect(await lightBoxes(page, selector), `light boxes left in ${selector}`).toEqual([])
	expect(await contrastFailures(page, selector), `contrast in ${selector}`).toEqual([])
}
