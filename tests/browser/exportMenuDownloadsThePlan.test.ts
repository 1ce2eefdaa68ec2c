import { beforeAll, describe, expect, it } from 'vitest'
import { exportPlan, type ExportOptions } from '../../shared/export/exportPlan'
import { extractPlan } from '../../shared/model/extractPlan'
import { aliceAndBobInOneRoom, screenshotPath, type TrackedPage } from './browserHelpers'
import {
	axeViolations,
	downloadFrom,
	drawSampleMap,
	openExportMenu,
	pageToday,
	planRecordsOf,
} from './exportMenuHelpers'

/** The map's name, set before any download: it heads the Markdown and names the calendar. */
const MAP_NAME = 'Retrofit programme'

/** What shared/'s exporter writes for the records the page has, today, for the named map. */
async function expectedExport(page: TrackedPage['page'], options: ExportOptions) {
	const today = await pageToday(page)
	const plan = extractPlan(await planRecordsOf(page), { today })
	const named = { ...options, mapName: MAP_NAME }
	return exportPlan(plan, options.format === 'ics' ? { ...named, today } : named)
}

describe('the export menu', () => {
	let alice: TrackedPage

	beforeAll(async () => {
		;({ alice } = await aliceAndBobInOneRoom())
		await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'])
		await drawSampleMap(alice.page)
		await alice.page.evaluate((name) => {
			window.editor!.updateDocumentSettings({ name })
		}, MAP_NAME)
		await alice.page.evaluate(() => {
			// A title a spreadsheet would run as a formula, with a comma and quotes.
			window.editor!.createShape({
				id: 'shape:tricky' as never,
				type: 'milestone',
				x: 200,
				y: 1400,
				props: { title: '=SUM(A1) "quoted", and more', owner: 'Ana', due: '2027-01-15' },
			})
		})
	})

	it('opens as a menu, moves with the arrow keys and closes on Escape and outside clicks', async () => {
		const { page } = alice
		const button = page.getByRole('button', { name: 'Export', exact: true })
		expect(await button.getAttribute('aria-haspopup')).toBe('menu')
		await button.focus()
		await page.keyboard.press('ArrowDown')
		const menu = page.getByRole('menu', { name: 'Export' })
		await menu.waitFor()
		expect(await button.getAttribute('aria-expanded')).toBe('true')
		const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '')
		expect(await focused()).toMatch(/^Markdown/)
		await page.keyboard.press('ArrowDown')
		expect(await focused()).toBe('CSV spreadsheet')
		await page.keyboard.press('End')
		expect(await focused()).toMatch(/^Replace this map/)
		await page.keyboard.press('ArrowDown')
		expect(await focused()).toMatch(/^Markdown/)
		await page.keyboard.press('p')
		expect(await focused()).toBe('PNG image')
		await page.screenshot({ path: screenshotPath('export-menu-open') })
		expect(await axeViolations(page, '.dm-action-menu-popup')).toEqual([])
		await page.keyboard.press('Escape')
		await menu.waitFor({ state: 'detached' })
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe(
			'menu'
		)

		await openExportMenu(page)
		await page.mouse.click(400, 400)
		await menu.waitFor({ state: 'detached' })

		// tldraw's main menu leads to it too.
		await page.getByTestId('main-menu.button').click()
		await page.getByRole('menuitem', { name: 'Export or open a file…' }).click()
		await menu.waitFor({ timeout: 10_000 })
		await page.waitForFunction(() => document.activeElement?.textContent?.startsWith('Markdown'))
		await page.keyboard.press('Escape')
		await menu.waitFor({ state: 'detached' })
	})

	it('downloads the CSV, Jira CSV, Asana CSV, JSON and iCalendar exactly as shared/ writes them', async () => {
		const cases: Array<[string, ExportOptions, string]> = [
			['CSV spreadsheet', { format: 'csv' }, 'Retrofit-programme.csv'],
			['CSV for Jira', { format: 'csv', preset: 'jira' }, 'Retrofit-programme-jira.csv'],
			['CSV for Asana', { format: 'csv', preset: 'asana' }, 'Retrofit-programme-asana.csv'],
			['JSON plan', { format: 'json' }, 'Retrofit-programme.json'],
			['iCalendar', { format: 'ics' }, 'Retrofit-programme.ics'],
		]
		for (const [label, options, fileName] of cases) {
			const file = await downloadFrom(alice.page, label)
			const expected = await expectedExport(alice.page, options)
			expect(file.fileName).toBe(fileName)
			expect(file.bytes.toString('utf8')).toBe(expected.text)
			expect(expected.text.length).toBeGreaterThan(200)
		}
		// The calendar is named after the map.
		const ics = (await downloadFrom(alice.page, 'iCalendar')).bytes.toString('utf8')
		expect(ics).toContain(`\r\nX-WR-CALNAME:${MAP_NAME}\r\n`)
		const csv = (await downloadFrom(alice.page, 'CSV spreadsheet')).bytes
		// UTF-8 BOM, and the formula-looking title neutralised.
		expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		expect(csv.toString('utf8')).toContain(`"'=SUM(A1) ""quoted"", and more"`)
	})

	it('downloads the Markdown list, copies it to the clipboard and says so', async () => {
		const { page } = alice
		await page.evaluate(() => navigator.clipboard.writeText('before'))
		const file = await downloadFrom(page, 'Markdown')
		const expected = await expectedExport(page, { format: 'md' })
		expect(file.fileName).toBe('Retrofit-programme.md')
		expect(file.bytes.toString('utf8')).toBe(expected.text)
		expect(expected.text.startsWith(`# Delivery plan: ${MAP_NAME}\n\n`)).toBe(true)
		expect(expected.text).toContain("Residents' energy needs mapped")
		await page
			.getByRole('status')
			.filter({ hasText: 'Copied the milestone list to the clipboard' })
			.waitFor({ timeout: 10_000 })
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.text)
		await page.screenshot({ path: screenshotPath('export-markdown-copied') })
	})

	it('fits in the side panel bar, and opens upwards when the panel is folded away', async () => {
		const { page } = alice
		const tabHeights = () =>
			page.evaluate(() =>
				Array.from(document.querySelectorAll('.dm-sidebar-bar [role="tab"]')).map(
					(tab) => tab.getBoundingClientRect().height
				)
			)
		const heights = await tabHeights()
		expect(new Set(heights).size).toBe(1)
		// Folding the panel away (clicking the open tab) moves its bar to the bottom corner.
		await page.getByRole('tab', { selected: true }).click()
		await openExportMenu(page)
		const menu = await page.getByRole('menu', { name: 'Export' }).boundingBox()
		const button = await page.getByRole('button', { name: 'Export', exact: true }).boundingBox()
		expect(menu!.y).toBeGreaterThanOrEqual(0)
		expect(menu!.y + menu!.height).toBeLessThanOrEqual(button!.y)
		await page.screenshot({ path: screenshotPath('export-menu-open-upwards') })
		await page.keyboard.press('Escape')
		// Confirmations show above the button too, inside the window.
		await downloadFrom(page, 'JSON plan')
		const status = page
			.getByRole('status')
			.filter({ hasText: 'Downloaded Retrofit-programme.json' })
		await status.waitFor({ timeout: 10_000 })
		const box = await status.boundingBox()
		expect(box!.y + box!.height).toBeLessThanOrEqual(button!.y)
		expect(box!.y).toBeGreaterThan(400)
		await page.getByRole('tab', { name: 'Plan' }).click()
	})

	it('exports what the map holds now, after an edit', async () => {
		const { page } = alice
		await page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:m-needs' as never,
				type: 'milestone',
				props: { title: 'Needs mapped, street by street', rag: 'red' },
			})
		})
		const file = await downloadFrom(page, 'JSON plan')
		const plan = JSON.parse(file.bytes.toString('utf8')) as { milestones: Array<{ title: string }> }
		expect(plan.milestones.map((m) => m.title)).toContain('Needs mapped, street by street')
		expect(file.bytes.toString('utf8')).toBe((await expectedExport(page, { format: 'json' })).text)
		expect(alice.errors).toEqual([])
	})
})
