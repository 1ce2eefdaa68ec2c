import { beforeAll, describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import {
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'

/** Boxes of what a participant needs on screen, in CSS pixels. */
function layout(page: TrackedPage['page']) {
	return page.evaluate(() => {
		const box = (selector: string) => {
			const element = document.querySelector(selector)
			if (!element) return null
			const r = element.getBoundingClientRect()
			return { left: r.left, top: r.top, right: r.right, bottom: r.bottom }
		}
		return {
			width: window.innerWidth,
			height: window.innerHeight,
			shareZone: box('.dm-share-zone'),
			shareButton: box('.dm-share-zone .dm-primary'),
			tabs: box('.dm-sidebar-tabs'),
			planTab: box('#dm-tab-plan'),
			exportButton: box('.dm-export button'),
			panel: box('.dm-sidebar'),
			panelBody: box('.dm-sidebar-body'),
			toolbar: box('.tlui-main-toolbar'),
		}
	})
}

type Box = { left: number; top: number; right: number; bottom: number }
const onScreen = (b: Box | null, w: number, h: number) =>
	b !== null && b.left >= 0 && b.top >= 0 && b.right <= w + 0.5 && b.bottom <= h + 0.5

describe.each(['phone', 'tablet'] as const)('a participant on a %s', (device) => {
	let phone: TrackedPage

	beforeAll(async () => {
		const relay = await startRelayWithClient()
		const browser = await launchBrowser()
		phone = await openPage(browser, { device })
		await joinMap(phone, `${relay.url}/r/${newRoomId()}`, 'Sam on a phone')
		await waitForConnected(phone.page)
	})

	it('gets the whole canvas, with the share zone, the panel tabs and the toolbar on screen', async () => {
		const l = await layout(phone.page)
		// The panel starts folded: a strip of tabs over the canvas, not a column taken from it.
		expect(l.panelBody).toBeNull()
		for (const part of [
			'shareZone',
			'shareButton',
			'planTab',
			'exportButton',
			'toolbar',
		] as const) {
			expect(onScreen(l[part], l.width, l.height), part).toBe(true)
		}
		expect(l.panel!.bottom).toBeLessThan(l.toolbar!.top)
		expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBe(l.width)
		await phone.page.screenshot({ path: screenshotPath(`${device}-map`) })
	})

	it('opens the plan over the canvas, leaving the toolbar free, and folds it again', async () => {
		await phone.page.getByRole('tab', { name: 'Plan' }).click()
		await phone.page.getByTestId('plan-outline').waitFor()
		const l = await layout(phone.page)
		expect(onScreen(l.panelBody, l.width, l.height)).toBe(true)
		expect(l.panel!.bottom).toBeLessThan(l.toolbar!.top)
		await phone.page.screenshot({ path: screenshotPath(`${device}-plan`) })
		await phone.page.getByRole('tab', { name: 'Plan' }).click()
		await phone.page.getByTestId('plan-outline').waitFor({ state: 'detached' })
		expect(phone.errors).toEqual([])
	})
})
