import type { Page } from 'playwright-core'

/** An item of the Plan tab's tree, by its accessible name. */
export function treeItem(page: Page, name: string | RegExp) {
	return page.getByTestId('plan-outline').getByRole('treeitem', { name })
}

/** The name of the focused tree item (its text without what is hidden from screen readers). */
export function focusedName(page: Page): Promise<string | null> {
	return page.evaluate(() => {
		const item = document.activeElement
		if (item?.getAttribute('role') !== 'treeitem') return null
		const copy = item.cloneNode(true) as HTMLElement
		copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove())
		return copy.textContent!.replace(/\s+/g, ' ').trim()
	})
}

/** Presses a key, then leaves the outline a moment to move its focus. */
export async function press(page: Page, key: string) {
	await page.keyboard.press(key)
	await page.waitForTimeout(50)
}
