import { beforeAll, describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import {
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	shapeProps,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

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

	it('shows the form for a milestone tapped in the plan right after the list, in view', async () => {
		const page = phone.page
		await drawSampleMap(page)
		await page.getByRole('tab', { name: 'Plan' }).click()
		const outline = page.getByTestId('plan-outline')
		await outline
			.getByRole('treeitem', { name: /^Milestone: Local installers trained / })
			.click({ timeout: 15_000 })
		const form = page.getByTestId('outline-milestone-form')
		await form.waitFor()
		// The sheet is as tall as its content: a form pinned to "the bottom" landed after every map
		// check, out of sight. It follows the tree instead, and is scrolled into view.
		await page.waitForFunction(() => {
			const form = document.querySelector('[data-testid="outline-milestone-form"]')!
			const body = document.querySelector('.dm-sidebar-body')!
			const f = form.getBoundingClientRect()
			const b = body.getBoundingClientRect()
			return f.top >= b.top - 0.5 && f.top < b.bottom - 40
		})
		const order = await page.evaluate(() => {
			const top = (selector: string) =>
				document.querySelector(selector)!.getBoundingClientRect().top
			return {
				tree: document.querySelector('.dm-outline-tree')!.getBoundingClientRect().bottom,
				form: top('[data-testid="outline-milestone-form"]'),
				checks: top('.dm-outline-diagnostics'),
			}
		})
		expect(order.form).toBeGreaterThanOrEqual(order.tree - 0.5)
		expect(order.form).toBeLessThan(order.checks)
		await form.getByLabel('Owner (does the work)').fill('Dee (Skills and training)')
		expect(await shapeProps(page, 'shape:m-skills')).toMatchObject({
			owner: 'Dee (Skills and training)',
		})
		await page.screenshot({ path: screenshotPath(`${device}-plan-form`) })
		expect(phone.errors).toEqual([])
	})
})
