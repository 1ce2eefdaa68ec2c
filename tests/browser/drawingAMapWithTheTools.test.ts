import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceInANewMap, screenshotPath, shapeProps, type TrackedPage } from './browserHelpers'

/** The id and on-screen centre of the only shape of `type` on the page. */
async function onlyShape(page: Page, type: string) {
	return page.evaluate((shapeType) => {
		const editor = window.editor!
		const shapes = editor.getCurrentPageShapes().filter((s) => s.type === shapeType)
		if (shapes.length !== 1) throw new Error(`expected one ${shapeType}, found ${shapes.length}`)
		const bounds = editor.getShapePageBounds(shapes[0]!)!
		const center = editor.pageToScreen(bounds.center)
		return {
			id: shapes[0]!.id as string,
			x: center.x,
			y: center.y,
			parentId: shapes[0]!.parentId as string,
		}
	}, type)
}

describe('drawing a map with the tools', () => {
	let alice: TrackedPage

	beforeAll(async () => {
		alice = (await aliceInANewMap()).alice
	})

	it('adds a named stage with the S key', async () => {
		await alice.page.mouse.click(640, 400)
		await alice.page.keyboard.press('s')
		await alice.page.mouse.click(60, 90)
		const stage = await onlyShape(alice.page, 'frame')
		expect(await shapeProps(alice.page, stage.id)).toMatchObject({ name: 'Stage 1', w: 1000 })
		await alice.page.keyboard.press('Escape')
	})

	it('drops a milestone with the M key, its title open for typing at once', async () => {
		await alice.page.keyboard.press('m')
		await alice.page.mouse.click(260, 260)
		const milestone = await onlyShape(alice.page, 'milestone')
		expect(milestone.parentId).toMatch(/^shape:/)
		// As a sticky note does: what a person types next is the card's title, not shortcuts.
		await alice.page.locator('.dm-title-input').waitFor({ timeout: 5000 })
		await alice.page.keyboard.type('Residents apply')
		await alice.page.keyboard.press('Enter')
		expect(await shapeProps(alice.page, milestone.id)).toMatchObject({ title: 'Residents apply' })
		expect(await alice.page.locator('.dm-title-input').count()).toBe(0)
		expect(await alice.page.evaluate(() => window.editor!.getCurrentToolId())).toBe('select')
	})

	it('renames a card in place with a double-click, whether it was selected or not', async () => {
		const milestone = await onlyShape(alice.page, 'milestone')
		for (const selectedFirst of [false, true]) {
			await alice.page.evaluate((select) => {
				const editor = window.editor!
				editor.selectNone()
				if (select)
					editor.select(editor.getCurrentPageShapes().find((s) => s.type === 'milestone')!)
			}, selectedFirst)
			// tldraw counts presses that follow a double-click within its click timeouts as a
			// triple-click, not a new double-click: a person renames the next card later than that.
			await alice.page.waitForTimeout(600)
			await alice.page.mouse.dblclick(milestone.x, milestone.y)
			await alice.page.locator('.dm-title-input').waitFor({ timeout: 5000 })
			// The double-click's second press ends with the browser focusing the canvas: on a card
			// that was not selected, the typing went to tldraw's shortcuts ("r" chose the
			// rectangle tool) and the title stayed as it was.
			const title = selectedFirst ? 'Residents can apply online' : 'Residents can apply'
			await alice.page.keyboard.type(title)
			await alice.page.keyboard.press('Enter')
			expect(
				await shapeProps(alice.page, milestone.id),
				`selected first: ${selectedFirst}`
			).toMatchObject({ title })
			expect(await alice.page.evaluate(() => window.editor!.getCurrentToolId())).toBe('select')
		}
	})

	it('edits every prop of a milestone in the properties panel', async () => {
		const milestone = await onlyShape(alice.page, 'milestone')
		await alice.page.mouse.click(milestone.x, milestone.y)
		// With the Plan tab open (as a map opens on a laptop), its form edits the selected card and
		// the panel on the canvas gives way: the same fields were shown twice.
		await alice.page.getByTestId('outline-milestone-form').waitFor()
		expect(await alice.page.getByTestId('properties-panel').count()).toBe(0)
		// With the side panel folded, the panel on the canvas edits it.
		await alice.page.getByRole('tab', { name: 'Plan' }).click()
		const panel = alice.page.getByTestId('properties-panel')
		await panel.waitFor()
		await panel
			.getByLabel('Outcome (what shifts for people)')
			.fill('People get help without a visit')
		await panel.getByLabel('Owner (does the work)').fill('Priya')
		await panel.getByLabel('Unblocker (owns unblocking it)').fill('Director of Digital')
		await panel.getByLabel('Due', { exact: true }).fill('2026-03-31')
		await panel.getByLabel('Status', { exact: true }).selectOption('in-progress')
		await panel.getByLabel('Check-in date').fill('2026-01-31')
		await panel.getByRole('radio', { name: 'Amber' }).check()
		await panel.getByLabel('Learning or next step').fill('Supplier slow to respond')
		await panel.getByRole('button', { name: 'Record check-in' }).click()
		expect(await shapeProps(alice.page, milestone.id)).toMatchObject({
			outcome: 'People get help without a visit',
			owner: 'Priya',
			unblocker: 'Director of Digital',
			due: '2026-03-31',
			status: 'in-progress',
			rag: 'amber',
			checkins: [{ date: '2026-01-31', rag: 'amber', note: 'Supplier slow to respond' }],
		})
		await alice.page.screenshot({ path: screenshotPath('properties-milestone') })
	})

	it('adds an enabler (C) and a blocker (B) and sets their service and severity', async () => {
		await alice.page.mouse.click(640, 700)
		await alice.page.keyboard.press('c')
		await alice.page.mouse.click(260, 560)
		const enabler = await onlyShape(alice.page, 'enabler')
		const panel = alice.page.getByTestId('properties-panel')
		await panel.getByLabel('Service', { exact: true }).selectOption('legal')
		await panel.getByLabel('What we need from them').fill('Data-sharing agreement')
		await panel.getByLabel('Needed by').fill('2026-02-28')
		expect(await shapeProps(alice.page, enabler.id)).toMatchObject({
			service: 'legal',
			neededBy: '2026-02-28',
		})

		await alice.page.mouse.click(640, 700)
		await alice.page.keyboard.press('b')
		await alice.page.mouse.click(640, 260)
		const blocker = await onlyShape(alice.page, 'blocker')
		await panel.getByLabel('What could delay us').fill('Payment system release slot')
		await panel.getByLabel('Severity').selectOption('high')
		await panel.getByLabel('Kind', { exact: true }).selectOption('system-change')
		expect(await shapeProps(alice.page, blocker.id)).toMatchObject({
			severity: 'high',
			kind: 'system-change',
		})
	})

	it('joins shapes with arrows bound at both ends, as in tldraw', async () => {
		const enabler = await onlyShape(alice.page, 'enabler')
		const milestone = await onlyShape(alice.page, 'milestone')
		await alice.page.mouse.click(640, 700)
		await alice.page.keyboard.press('a')
		await alice.page.mouse.move(enabler.x, enabler.y)
		await alice.page.mouse.down()
		await alice.page.mouse.move((enabler.x + milestone.x) / 2, (enabler.y + milestone.y) / 2, {
			steps: 5,
		})
		await alice.page.mouse.move(milestone.x, milestone.y, { steps: 5 })
		await alice.page.mouse.up()
		const bound = await alice.page.evaluate(() => {
			const editor = window.editor!
			const arrow = editor.getCurrentPageShapes().find((s) => s.type === 'arrow')!
			return editor
				.getBindingsFromShape(arrow, 'arrow')
				.map((b) => ({
					terminal: (b.props as { terminal: string }).terminal,
					to: editor.getShape(b.toId)!.type,
				}))
				.sort((a, b) => a.terminal.localeCompare(b.terminal))
		})
		expect(bound).toEqual([
			{ terminal: 'end', to: 'milestone' },
			{ terminal: 'start', to: 'enabler' },
		])
		await alice.page.keyboard.press('Escape')
		await alice.page.mouse.click(900, 600)
		await alice.page.screenshot({ path: screenshotPath('canvas-drawn-with-tools') })
	})

	it('shows tldraw’s colours and sizes only for a tool or a shape they style', async () => {
		const stylePanel = alice.page.getByTestId('style.panel')
		// Nothing selected: the grid covered cards at the top right, and styles none of them.
		await alice.page.evaluate(() => {
			window.editor!.setCurrentTool('select')
			window.editor!.selectNone()
		})
		await stylePanel.waitFor({ state: 'detached' })
		await alice.page.keyboard.press('d')
		await stylePanel.waitFor()
		await alice.page.keyboard.press('v')
		await stylePanel.waitFor({ state: 'detached' })
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.select(editor.getCurrentPageShapes().find((s) => s.type === 'arrow')!)
		})
		await stylePanel.waitFor()
		await alice.page.evaluate(() => {
			window.editor!.selectNone()
		})
	})
})
