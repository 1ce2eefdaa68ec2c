import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import {
	aliceAndBobInOneRoom,
	eventually,
	repoRoot,
	screenshotPath,
	shapeProps,
	type TrackedPage,
} from './browserHelpers'

/** Waits across pages get 30 s: several engineers' browser tests share this machine's two cores. */
function until<T>(check: () => Promise<T>, accept: (value: T) => boolean, what: string) {
	return eventually(check, accept, what, 30_000)
}

/** axe-core's violations (rule ids and what they ask for) within the elements `selector` finds. */
async function axeViolations(page: Page, selector: string): Promise<string[]> {
	await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') })
	return page.evaluate(async (sel) => {
		type Result = { violations: Array<{ id: string; help: string }>; passes: unknown[] }
		const axe = (window as unknown as { axe: { run(el: Element): Promise<Result> } }).axe
		const found: string[] = []
		for (const element of document.querySelectorAll(sel)) {
			const result = await axe.run(element)
			if (result.passes.length === 0) found.push(`${sel}: axe checked nothing`)
			for (const v of result.violations) found.push(`${v.id}: ${v.help}`)
		}
		return found
	}, selector)
}

const STAGE_IDS = ['shape:stage', 'shape:inside', 'shape:blocker']

function lockedStates(page: Page, ids: string[]): Promise<Array<boolean | null>> {
	return page.evaluate(
		(shapeIds) => shapeIds.map((id) => window.editor!.getShape(id as never)?.isLocked ?? null),
		ids
	)
}

/** Drags a shape on the page by `dx` screen pixels with the mouse, as a person would. */
async function dragShape(page: Page, id: string, dx: number) {
	const at = await page.evaluate((shapeId) => {
		const editor = window.editor!
		const bounds = editor.getShapePageBounds(shapeId as never)!
		// The shape's top band: its title, not a field that starts editing on click.
		return editor.pageToScreen({ x: bounds.center.x, y: bounds.minY + 12 }).toJson()
	}, id)
	await page.mouse.move(at.x, at.y)
	await page.mouse.down()
	for (let step = 1; step <= 8; step++) await page.mouse.move(at.x + (dx * step) / 8, at.y)
	await page.mouse.up()
	await page.keyboard.press('Escape')
}

describe('locking a stage', { timeout: 120_000 }, () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		const room = await aliceAndBobInOneRoom()
		alice = room.alice
		bob = room.bob
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:stage' as never,
				type: 'frame',
				x: 0,
				y: 0,
				props: { w: 700, h: 420, name: 'Stage 1: Discover' },
			})
			editor.createShape({
				id: 'shape:later' as never,
				type: 'frame',
				x: 800,
				y: 0,
				props: { w: 400, h: 420, name: 'Stage 2: Deliver' },
			})
			editor.createShapes([
				{
					id: 'shape:inside' as never,
					type: 'milestone',
					parentId: 'shape:stage' as never,
					x: 40,
					y: 60,
					props: { title: 'Residents can apply online', owner: 'Priya' },
				},
				{
					id: 'shape:blocker' as never,
					type: 'blocker',
					parentId: 'shape:stage' as never,
					x: 380,
					y: 60,
					props: { title: 'Procurement freeze' },
				},
				{
					id: 'shape:outside' as never,
					type: 'milestone',
					x: 100,
					y: 600,
					props: { title: 'Service launched' },
				},
			])
			editor.zoomToFit()
		})
		await until(
			() => shapeProps(bob.page, 'shape:outside'),
			(p) => p !== null,
			'Bob has the map'
		)
		await bob.page.evaluate(() => {
			window.editor!.zoomToFit()
		})
		await alice.page.getByRole('tab', { name: 'Facilitate' }).click()
	})

	it('locks the stage and everything in it on the other page', async () => {
		await alice.page.getByRole('button', { name: 'Lock stage Stage 1: Discover' }).click()
		await until(
			() => lockedStates(bob.page, STAGE_IDS),
			(states) => states.every((locked) => locked === true),
			'Bob sees the stage and its shapes locked'
		)
		expect(await lockedStates(bob.page, ['shape:later', 'shape:outside'])).toEqual([false, false])
		const row = alice.page.getByRole('listitem').filter({ hasText: 'Stage 1: Discover' })
		expect(await row.textContent()).toContain('Locked')
		expect(await row.getAttribute('data-locked')).toBe('true')
		await alice.page.screenshot({ path: screenshotPath('facilitate-panel-locked-stage') })
		// Everyone sees on the canvas which stage is locked.
		await bob.page.getByTestId('stage-lock-badge').waitFor()
		expect(await bob.page.getByTestId('stage-lock-badge').count()).toBe(1)
		await bob.page.screenshot({ path: screenshotPath('facilitate-locked-stage-bob') })
	})

	it('keeps the other page from moving or changing the locked shapes', async () => {
		const before = await shapeProps(bob.page, 'shape:inside')
		await bob.page.evaluate(() => {
			const editor = window.editor!
			editor.updateShapes([
				{ id: 'shape:inside' as never, type: 'milestone', x: 300, props: { title: 'Changed' } },
			])
			editor.deleteShapes(['shape:blocker' as never])
		})
		await dragShape(bob.page, 'shape:inside', 150)
		await dragShape(bob.page, 'shape:stage', 150)
		// A drag that is let through would reach Alice within this wait.
		await bob.page.waitForTimeout(1000)
		expect(await shapeProps(bob.page, 'shape:inside')).toEqual(before)
		expect(await shapeProps(alice.page, 'shape:inside')).toEqual(before)
		expect(await shapeProps(alice.page, 'shape:blocker')).not.toBeNull()
		expect((await shapeProps(alice.page, 'shape:stage'))?.x).toBe(0)
		expect(await bob.page.evaluate(() => window.editor!.getSelectedShapeIds())).toEqual([])

		// The same drag moves a shape that is not locked: the drag itself works.
		const outside = await shapeProps(bob.page, 'shape:outside')
		await dragShape(bob.page, 'shape:outside', 150)
		await until(
			() => shapeProps(alice.page, 'shape:outside'),
			(p) => p !== null && (p.x as number) > (outside!.x as number) + 50,
			'Alice sees Bob move the unlocked milestone'
		)
	})

	it('says a locked milestone cannot change, in the properties panel and the check-in', async () => {
		// The outline selects a locked shape (the canvas does not): the floating panel's fields
		// used to look editable and dropped what was typed, and a check-in said "Recorded" while
		// tldraw dropped it too.
		await bob.page.evaluate(() => {
			window.editor!.select('shape:inside' as never)
		})
		// The Plan tab's form edits the selection while that tab is open, the floating panel
		// otherwise (here, with the People tab open): both say why nothing can change.
		for (const [tab, testId] of [
			['Plan', 'outline-milestone-form'],
			['People', 'properties-panel'],
		] as const) {
			if (tab !== 'Plan') await bob.page.getByRole('tab', { name: tab }).click()
			const panel = bob.page.getByTestId(testId)
			await panel.getByText('in the locked stage “Stage 1: Discover”').waitFor()
			expect(await panel.getByLabel('Owner (does the work)').isDisabled()).toBe(true)
		}

		await bob.page.getByRole('tab', { name: 'Check-in' }).click()
		const locked = bob.page.getByTestId('checkin-locked')
		await locked.waitFor()
		expect(await locked.textContent()).toContain('Unlock it in the Facilitate tab')
		expect(
			await bob.page.getByRole('heading', { name: 'Residents can apply online' }).count()
		).toBe(1)
		const form = bob.page.getByRole('form', { name: 'Check-in for this milestone' })
		await form.getByRole('radio', { name: 'Red' }).check()
		expect(await form.getByRole('button', { name: 'Record check-in' }).isDisabled()).toBe(true)
		expect((await shapeProps(bob.page, 'shape:inside'))?.checkins).toEqual([])
		await bob.page.screenshot({ path: screenshotPath('checkin-locked-milestone') })
		await bob.page.getByRole('tab', { name: 'Plan' }).click()
		await bob.page.evaluate(() => {
			window.editor!.selectNone()
		})
	})

	it('tells the other page that nothing can be added to the locked stage', async () => {
		// tldraw puts nothing into a locked frame: a card dropped there landed on the page above
		// the stage (in no stage, though it looked part of it), and a double-click on a locked
		// card made a text box on top of it.
		const page = bob.page
		const shapeCount = () => page.evaluate(() => window.editor!.getCurrentPageShapeIds().size)
		const before = await shapeCount()
		await page.evaluate(() => {
			window.editor!.zoomToFit({ immediate: true })
		})
		const notice = page.locator('.tlui-toast__container')
		const empty = await screenOf(page, { x: 350, y: 360 })
		await page.evaluate(() => {
			window.editor!.setCurrentTool('milestone')
		})
		await page.mouse.click(empty.x, empty.y)
		await notice.filter({ hasText: '“Stage 1: Discover” is locked' }).waitFor()
		expect(await notice.textContent()).toContain('No milestone can be added to it.')
		expect(await shapeCount()).toBe(before)
		expect(await page.evaluate(() => window.editor!.getCurrentToolId())).toBe('select')
		await page.screenshot({ path: screenshotPath('facilitate-locked-stage-drop') })

		// tldraw's own tools add nothing there either: a sticky note, a text, a drawn rectangle.
		for (const tool of ['note', 'text', 'geo']) {
			await notice.getByRole('button', { name: 'Close' }).click()
			await notice.waitFor({ state: 'detached' })
			await page.evaluate((id) => {
				window.editor!.setCurrentTool(id)
			}, tool)
			await page.mouse.move(empty.x, empty.y)
			await page.mouse.down()
			await page.mouse.move(empty.x + 60, empty.y + 40, { steps: 4 })
			await page.mouse.up()
			await notice.filter({ hasText: 'Nothing can be added to it.' }).waitFor()
			expect(await shapeCount(), tool).toBe(before)
		}
		await page.evaluate(() => {
			window.editor!.setCurrentTool('select')
		})
		await notice.getByRole('button', { name: 'Close' }).click()
		await notice.waitFor({ state: 'detached' })

		const card = await page.evaluate(() => {
			const editor = window.editor!
			return editor
				.pageToScreen(editor.getShapePageBounds('shape:inside' as never)!.center)
				.toJson()
		})
		await page.mouse.dblclick(card.x, card.y)
		await notice.filter({ hasText: 'in the locked stage “Stage 1: Discover”' }).waitFor()
		expect(await shapeCount()).toBe(before)
		expect(await page.evaluate(() => window.editor!.getEditingShapeId())).toBeNull()
		// Out of the way of the drag that follows.
		await notice.getByRole('button', { name: 'Close' }).click()
		await notice.waitFor({ state: 'detached' })

		// A card dragged onto the locked stage goes back where it was, and the person is told why
		// (it used to stay on the page above the stage, looking part of it and not in it).
		const start = await shapeProps(page, 'shape:outside')
		const startParent = await page.evaluate(
			() => window.editor!.getShape('shape:outside' as never)!.parentId
		)
		const from = await page.evaluate(() => {
			const editor = window.editor!
			const bounds = editor.getShapePageBounds('shape:outside' as never)!
			return editor.pageToScreen({ x: bounds.center.x, y: bounds.minY + 12 }).toJson()
		})
		const onto = await screenOf(page, { x: 300, y: 330 })
		await page.mouse.move(from.x, from.y)
		await page.mouse.down()
		for (let step = 1; step <= 8; step++) {
			await page.mouse.move(
				from.x + ((onto.x - from.x) * step) / 8,
				from.y + ((onto.y - from.y) * step) / 8
			)
		}
		await page.mouse.up()
		await notice.filter({ hasText: 'What you moved there was put back where it was.' }).waitFor()
		const after = await page.evaluate(() => {
			const shape = window.editor!.getShape('shape:outside' as never)!
			return { x: shape.x, y: shape.y, parentId: shape.parentId }
		})
		expect(after).toEqual({ x: start!.x, y: start!.y, parentId: startParent })
		// The other page sees it where it was, too.
		await eventually(
			() => shapeProps(alice.page, 'shape:outside'),
			(p) => p?.x === start!.x && p?.y === start!.y,
			'Alice sees the card back where it was'
		)
		await notice.getByRole('button', { name: 'Close' }).click()
		await notice.waitFor({ state: 'detached' })

		// A copy of the card pasted onto the locked stage is taken back, as tldraw's paste handler
		// puts it there (the clipboard's content, at the pointer).
		const pasteAt = await page.evaluate(() =>
			window.editor!.getShapePageBounds('shape:inside' as never)!.center.toJson()
		)
		await page.evaluate(async (point) => {
			const editor = window.editor!
			const content = editor.getContentFromCurrentPage(['shape:outside' as never])!
			await editor.putExternalContent({ type: 'tldraw', content, point })
		}, pasteAt)
		await notice.filter({ hasText: 'Nothing can be added to it.' }).waitFor()
		expect(await shapeCount()).toBe(before)
		await notice.getByRole('button', { name: 'Close' }).click()
		await notice.waitFor({ state: 'detached' })

		// Ctrl+D puts the copy beside the original: for a card just left of the locked stage,
		// inside the stage. It is taken back too (duplicating in the open still works).
		await page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:left' as never,
				type: 'milestone',
				x: -230,
				y: 100,
				props: { title: 'Left of the stage' },
			})
			editor.select('shape:left' as never)
		})
		await page.keyboard.press('Control+d')
		await notice.filter({ hasText: 'Nothing can be added to it.' }).waitFor()
		expect(await shapeCount()).toBe(before + 1)
		await page.evaluate(() => {
			window.editor!.select('shape:outside' as never)
		})
		await page.keyboard.press('Control+d')
		await eventually(shapeCount, (n) => n === before + 2, 'a duplicate in the open is kept')
		await page.evaluate(() => {
			const editor = window.editor!
			editor.deleteShapes(editor.getSelectedShapeIds())
			editor.deleteShape('shape:left' as never)
			editor.selectNone()
		})
		expect(await shapeCount()).toBe(before)
		await notice.getByRole('button', { name: 'Close' }).click()
		await notice.waitFor({ state: 'detached' })

		// A text box dragged from the toolbar and dropped on the locked stage is not added.
		const button = await page.getByTestId('tools.text').boundingBox()
		const drop = await screenOf(page, { x: 350, y: 360 })
		await page.mouse.move(button!.x + button!.width / 2, button!.y + button!.height / 2)
		await page.mouse.down()
		for (let step = 1; step <= 10; step++) {
			await page.mouse.move(
				button!.x + ((drop.x - button!.x) * step) / 10,
				button!.y + ((drop.y - button!.y) * step) / 10
			)
		}
		await page.mouse.up()
		await notice.filter({ hasText: 'Nothing can be added to it.' }).waitFor()
		expect(await shapeCount()).toBe(before)
	})

	it('unlocks the stage for everyone, after which the other page can move it', async () => {
		await alice.page.getByRole('button', { name: 'Unlock stage Stage 1: Discover' }).click()
		await until(
			() => lockedStates(bob.page, STAGE_IDS),
			(states) => states.every((locked) => locked === false),
			'Bob sees the stage unlocked'
		)
		await bob.page.getByTestId('stage-lock-badge').waitFor({ state: 'detached' })
		const before = await shapeProps(bob.page, 'shape:inside')
		await dragShape(bob.page, 'shape:inside', 150)
		await until(
			() => shapeProps(alice.page, 'shape:inside'),
			(p) => p !== null && (p.x as number) > (before!.x as number) + 50,
			'Alice sees Bob move the milestone'
		)
	})

	it('locks and unlocks the selected shapes', async () => {
		await alice.page.evaluate(() => {
			window.editor!.select('shape:outside' as never)
		})
		await alice.page.getByRole('button', { name: 'Lock selected (1)' }).click()
		await until(
			() => lockedStates(bob.page, ['shape:outside']),
			(states) => states[0] === true,
			'Bob sees the milestone locked'
		)
		expect(await lockedStates(bob.page, STAGE_IDS)).toEqual([false, false, false])
		await alice.page.getByText('1 other locked shape on this page.').waitFor()
		await alice.page.getByRole('button', { name: 'Unlock it' }).click()
		await until(
			() => lockedStates(bob.page, ['shape:outside']),
			(states) => states[0] === false,
			'Bob sees the milestone unlocked'
		)
	})

	it('passes an axe-core accessibility check: the Facilitate tab and the timer on the canvas', async () => {
		const page = alice.page
		await lockStageOneFromThePanel(page)
		await page.getByRole('button', { name: 'Custom' }).click()
		await page.getByLabel('Minutes').fill('abc')
		await page.getByText('Enter minutes between').waitFor()
		await page.getByLabel('Minutes').fill('2:30')
		await page.getByRole('button', { name: 'Start (2:30)' }).click()
		await page.getByTestId('shared-timer').waitFor()
		await page.screenshot({ path: screenshotPath('facilitate-panel') })
		expect(await axeViolations(page, '[data-testid="facilitate-panel"]')).toEqual([])
		expect(await axeViolations(page, '.dm-facilitation-bar')).toEqual([])
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})

/** Locks the first stage from the panel, so that the check sees a locked row too. */
async function lockStageOneFromThePanel(page: Page) {
	await page.getByRole('button', { name: 'Lock stage Stage 1: Discover' }).click()
	await page.getByRole('button', { name: 'Unlock stage Stage 1: Discover' }).waitFor()
}

/** Where a point of the page is on the screen. */
function screenOf(page: Page, point: { x: number; y: number }) {
	return page.evaluate((p) => window.editor!.pageToScreen(p).toJson(), point)
}
