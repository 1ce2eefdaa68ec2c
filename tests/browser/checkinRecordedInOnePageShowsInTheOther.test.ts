import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportPlan } from '../../shared/export/exportPlan'
import { toCheckinReport } from '../../shared/export/toCheckinReport'
import { extractPlan } from '../../shared/model/extractPlan'
import {
	aliceAndBobInOneRoom,
	eventually,
	screenshotPath,
	shapeProps,
	type TrackedPage,
} from './browserHelpers'

/** The shapes and bindings a page holds, as the plan is made from them. */
async function recordsOf(page: Page): Promise<unknown[]> {
	return page.evaluate(() =>
		window
			.editor!.store.allRecords()
			.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
	)
}

/** RFC 4180 rows (quoted cells, doubled quotes, CRLF), without the BOM. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = []
	let row: string[] = []
	let cell = ''
	let quoted = false
	const src = text.replace(/^\uFEFF/, '')
	for (let i = 0; i < src.length; i++) {
		const ch = src[i]!
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cell += '"'
				i++
			} else if (ch === '"') quoted = false
			else cell += ch
		} else if (ch === '"') quoted = true
		else if (ch === ',') {
			row.push(cell)
			cell = ''
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++
			row.push(cell)
			rows.push(row)
			row = []
			cell = ''
		} else cell += ch
	}
	if (cell !== '' || row.length > 0) rows.push([...row, cell])
	return rows
}

/** The Check-in tab's panel (the properties panel has its own check-in form too). */
function checkinPanel(page: Page) {
	return page.getByRole('tabpanel', { name: 'Check-in' })
}

async function selectedIds(page: Page): Promise<string[]> {
	return page.evaluate(() => window.editor!.getSelectedShapeIds() as string[])
}

// Generous: the machine is shared, and a page can take long to open under load.
describe('monthly check-in mode', { timeout: 90_000 }, () => {
	let alice: TrackedPage
	let bob: TrackedPage
	let today: string

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		today = await alice.page.evaluate(() => {
			const d = new Date()
			const pad = (n: number) => String(n).padStart(2, '0')
			return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
		})
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:stage' as never,
				type: 'frame',
				x: 0,
				y: 0,
				props: { w: 1200, h: 500, name: 'Deliver' },
			})
			const milestone = (id: string, x: number, title: string, extra: object = {}) => ({
				id: id as never,
				type: 'milestone' as const,
				parentId: 'shape:stage' as never,
				x,
				y: 80,
				props: { title, owner: 'Priya', unblocker: 'Sam', due: '2027-03-31', ...extra },
			})
			editor.createShapes([
				milestone('shape:m1', 40, 'Residents can apply online'),
				milestone('shape:m2', 440, 'First payments reach families', {
					rag: 'green',
					checkins: [
						{ date: '2026-08-28', rag: 'green', note: 'Pilot live' },
						{ date: '2026-09-30', rag: 'amber', note: 'Supplier slow' },
						{ date: '2026-10-29', rag: 'green', note: 'Supplier back on track' },
					],
				}),
				milestone('shape:m3', 840, 'Paper forms switched off'),
			])
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:m3'),
			(p) => p !== null,
			'Bob has the map'
		)
	})

	it('steps through the milestones in plan order, selecting each on the canvas', async () => {
		const { page } = alice
		await page.getByRole('tab', { name: 'Check-in' }).click()
		const progress = checkinPanel(page).getByTestId('checkin-progress')
		await expect.poll(() => progress.textContent()).toBe('1 of 3')
		await expect.poll(() => selectedIds(page)).toEqual(['shape:m1'])
		await checkinPanel(page).getByRole('button', { name: 'Next →' }).click()
		await expect.poll(() => progress.textContent()).toBe('2 of 3')
		await expect.poll(() => selectedIds(page)).toEqual(['shape:m2'])
		const card = checkinPanel(page).locator('.dm-checkin-card')
		expect(await card.textContent()).toContain('First payments reach families')
		expect(await card.textContent()).toContain('Supplier back on track')
		expect(await checkinPanel(page).getByLabel('Check-in date').inputValue()).toBe(today)
	})

	it('refuses a check-in without a RAG choice and changes nothing', async () => {
		const { page } = alice
		await checkinPanel(page).getByLabel('One learning or next step').fill('Waiting on the bank')
		await checkinPanel(page).getByRole('button', { name: 'Record check-in' }).click()
		await expect
			.poll(() => checkinPanel(page).getByRole('alert').textContent())
			.toContain('Choose Green, Amber or Red')
		expect((await shapeProps(page, 'shape:m2'))?.checkins).toHaveLength(3)
		expect(await checkinPanel(page).getByTestId('checkin-progress').textContent()).toBe('2 of 3')
	})

	it('records a check-in that the other page sees on the shape and in its CSV', async () => {
		const { page } = alice
		await checkinPanel(page)
			.getByRole('radiogroup', { name: 'How is it going? (RAG)' })
			.getByRole('radio', { name: 'Red' })
			.check()
		await checkinPanel(page)
			.getByLabel('One learning or next step')
			.fill('Bank integration slipped a month')
		await checkinPanel(page).getByRole('button', { name: 'Record check-in' }).click()
		await expect
			.poll(() => checkinPanel(page).getByTestId('checkin-progress').textContent())
			.toBe('3 of 3')

		// The count comes from the live plan, which catches up with the store a frame or so after
		// the step to the next milestone (plain React state): wait for it rather than read it once.
		await expect
			.poll(() => checkinPanel(page).getByTestId('checkin-done-count').textContent())
			.toMatch(/^1 of 3 checked in on /)

		const expected = { date: today, rag: 'red', note: 'Bank integration slipped a month' }
		const seen = await eventually(
			() => shapeProps(bob.page, 'shape:m2'),
			(p) => Array.isArray(p?.checkins) && p.checkins.length === 4,
			'Bob sees the new check-in'
		)
		expect(seen?.rag).toBe('red')
		expect((seen?.checkins as unknown[])[3]).toEqual(expected)

		// The shape on Bob's canvas shows the trail: four dots, the newest red.
		const trail = bob.page.locator('[data-shape-id="shape:m2"] [data-testid="rag-trail"]')
		await trail.waitFor({ timeout: 15_000 })
		const dots = await trail
			.locator('.dm-rag-trail-dot')
			.evaluateAll((els) => els.map((el) => el.getAttribute('data-rag')))
		expect(dots).toEqual(['green', 'amber', 'green', 'red'])
		const [y, m, d] = today.split('-').map(Number)
		const months = [
			'Jan',
			'Feb',
			'Mar',
			'Apr',
			'May',
			'Jun',
			'Jul',
			'Aug',
			'Sep',
			'Oct',
			'Nov',
			'Dec',
		]
		// The card has room for the dots only: the date is in the trail's accessible name and in
		// the newest dot's tooltip.
		const date = `${d} ${months[m! - 1]} ${y}`
		expect(await trail.getAttribute('aria-label')).toContain(`red on ${date}`)
		expect(await trail.locator('.dm-rag-trail-dot[data-latest]').getAttribute('title')).toContain(
			`${date}: red · Bank integration slipped a month`
		)

		// Bob's CSV (shared's exporter on the records his page holds) carries the last check-in.
		const plan = extractPlan(await recordsOf(bob.page), { today })
		const rows = parseCsv(exportPlan(plan, { format: 'csv' }).text)
		const header = rows[0]!
		const row = rows.find((r) => r[header.indexOf('ID')] === 'shape:m2')!
		expect(row[header.indexOf('RAG')]).toBe('red')
		expect(row[header.indexOf('Last check-in')]).toBe(today)
		expect(row[header.indexOf('Note')]).toBe('Bank integration slipped a month')
	})

	it('says when a check-in dated before the newest one leaves the RAG as it is', async () => {
		// Back-dated, it goes before the newest in the trail, and the newest sets the RAG: the
		// panel said "Recorded green" while the milestone stayed red, with no word why.
		const { page } = alice
		await checkinPanel(page).getByRole('button', { name: '← Previous' }).click()
		const date = checkinPanel(page).getByLabel('Check-in date')
		await date.fill('2026-10-15')
		const note = checkinPanel(page).getByTestId('checkin-back-dated')
		await note.waitFor()
		expect(await note.textContent()).toContain('the milestone’s RAG stays red')
		await date.fill(today)
		await note.waitFor({ state: 'detached' })
		await checkinPanel(page).getByRole('button', { name: 'Next →' }).click()
		await expect
			.poll(() => checkinPanel(page).getByTestId('checkin-progress').textContent())
			.toBe('3 of 3')
	})

	it('downloads the check-in report that shared makes for this map', async () => {
		const { page } = alice
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 15_000 }),
			checkinPanel(page).getByRole('button', { name: 'Download report' }).click(),
		])
		expect(download.suggestedFilename()).toBe(`check-in-report-${today}.md`)
		const text = readFileSync((await download.path())!, 'utf8')
		const plan = extractPlan(await recordsOf(page), { today })
		expect(text).toBe(toCheckinReport(plan, { today }))
		expect(text).toContain('Green → 🔴 Red')
		expect(text).toContain('Bank integration slipped a month')
	})

	it('copies the same report to the clipboard', async () => {
		const { page, context } = alice
		await context.grantPermissions(['clipboard-read', 'clipboard-write'])
		await checkinPanel(page).getByRole('button', { name: 'Copy report' }).click()
		await expect
			.poll(() => checkinPanel(page).getByRole('status').allTextContents())
			.toContain('Report copied: paste it into an email or a document.')
		const copied = await page.evaluate(() => navigator.clipboard.readText())
		const plan = extractPlan(await recordsOf(page), { today })
		expect(copied).toBe(toCheckinReport(plan, { today }))
	})

	it('looks right: check-in mode beside the canvas, and the trail at workshop zoom', async () => {
		const { page } = alice
		await checkinPanel(page).getByRole('button', { name: '← Previous' }).click()
		await expect
			.poll(() => checkinPanel(page).getByTestId('checkin-progress').textContent())
			.toBe('2 of 3')
		await page.waitForTimeout(600)
		await page.screenshot({ path: screenshotPath('checkin-mode') })
		await bob.page.evaluate(() => {
			const editor = window.editor!
			editor.zoomToBounds(
				editor
					.getShapePageBounds('shape:m2' as never)!
					.clone()
					.expandBy(40)
			)
		})
		await bob.page.waitForTimeout(400)
		await bob.page.screenshot({ path: screenshotPath('checkin-milestone-trail') })
		await bob.page.evaluate(() => {
			const editor = window.editor!
			editor.zoomToBounds(editor.getShapePageBounds('shape:stage' as never)!, { targetZoom: 0.6 })
		})
		await bob.page.waitForTimeout(400)
		await bob.page.screenshot({ path: screenshotPath('checkin-trail-workshop-zoom') })
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
