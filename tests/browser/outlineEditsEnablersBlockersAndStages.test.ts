import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	joinMap,
	openPage,
	screenshotPath,
	shapeProps,
	type TrackedPage,
	viewLinkFrom,
} from './browserHelpers'
import { focusedName, press, treeItem } from './outlineHelpers'
import { expectDarkAndReadable, setColorScheme } from './colourChecks'
import { drawSampleMap } from './exportMenuHelpers'

/** Waits across pages get 30 s: other engineers' browser tests share this machine's two cores. */
function until<T>(check: () => Promise<T>, accept: (value: T) => boolean, what: string) {
	return eventually(check, accept, what, 30_000)
}

/** The focused element: the test id of the outline form it is in, and its label's text. */
function focusedField(page: Page): Promise<{ form: string | null; label: string | null }> {
	return page.evaluate(() => {
		const field = document.activeElement as HTMLInputElement | null
		return {
			form: field?.closest('[data-testid^="outline-"]')?.getAttribute('data-testid') ?? null,
			label: field?.labels?.[0]?.textContent ?? null,
		}
	})
}

function selectedIds(page: Page): Promise<string[]> {
	return page.evaluate(() => window.editor!.getSelectedShapeIds() as string[])
}

describe('editing enablers, blockers and stages from the outline', { timeout: 120_000 }, () => {
	let alice: TrackedPage
	let bob: TrackedPage
	let url: string

	beforeAll(async () => {
		;({ alice, bob, url } = await aliceAndBobInOneRoom())
		await drawSampleMap(alice.page)
		for (const { page } of [alice, bob]) {
			await treeItem(page, /^Milestone: Retrofit offer is business as usual /).waitFor({
				timeout: 30_000,
			})
		}
	})

	it('says in its hint what can be edited here', async () => {
		const hint = alice.page.getByTestId('plan-outline').locator('.dm-outline-hint')
		await alice.page.evaluate(() => {
			window.editor!.selectNone()
		})
		expect(await hint.textContent()).toMatch(/milestone, enabler, blocker or stage/)
	})

	it('edits an enabler chosen in the tree with the keyboard; Bob sees the change', async () => {
		const page = alice.page
		await treeItem(page, 'Stage: Discover 1 milestone').focus()
		await press(page, 'ArrowDown')
		await press(page, 'ArrowDown')
		expect(await focusedName(page)).toMatch(/^Enabler Legal: Data-sharing agreement/)
		await press(page, 'Enter')
		await until(
			() => selectedIds(page),
			(ids) => ids.length === 1 && ids[0] === 'shape:e-dsa',
			'Enter selects the enabler'
		)
		const form = page.getByTestId('outline-enabler-form')
		await form.waitFor({ timeout: 10_000 })
		expect(await form.getAttribute('aria-label')).toBe(
			'Edit enabler: Legal: Data-sharing agreement with housing associations'
		)
		expect(await page.getByTestId('outline-milestone-form').count()).toBe(0)
		// The form comes right after the tree: one Tab from the tree item reaches its first field.
		expect(await focusedName(page)).toMatch(/^Enabler Legal: Data-sharing agreement/)
		await press(page, 'Tab')
		expect(await focusedField(page)).toEqual({ form: 'outline-enabler-form', label: 'Service' })
		// The keyboard alone: a select's value moves with the arrow keys, text is typed.
		await press(page, 'End')
		expect(await form.getByLabel('Service', { exact: true }).inputValue()).toBe('other')
		await press(page, 'Tab')
		expect(await focusedField(page)).toEqual({
			form: 'outline-enabler-form',
			label: 'What we need from them',
		})
		await press(page, 'ControlOrMeta+A')
		await page.keyboard.type('Data-sharing agreement signed by all three associations')
		await press(page, 'Tab')
		expect((await focusedField(page)).label).toBe('How (advice, approval, funding…)')
		await press(page, 'ControlOrMeta+A')
		await page.keyboard.type('Approval')
		await form.getByLabel('Needed by').fill('2027-01-20')
		await form.getByLabel('Contact in the service').fill('Jo (Legal)')
		await form.getByLabel('Status').selectOption('agreed')
		await form.getByLabel('Service', { exact: true }).selectOption('data')
		const expected = {
			service: 'data',
			contribution: 'Data-sharing agreement signed by all three associations',
			how: 'Approval',
			neededBy: '2027-01-20',
			owner: 'Jo (Legal)',
			status: 'agreed',
		}
		expect(await shapeProps(page, 'shape:e-dsa')).toMatchObject(expected)
		await until(
			() => shapeProps(bob.page, 'shape:e-dsa'),
			(p) => p?.service === 'data' && p?.status === 'agreed' && p?.owner === 'Jo (Legal)',
			"Bob's store has the enabler as Alice edited it"
		)
		expect(await shapeProps(bob.page, 'shape:e-dsa')).toMatchObject(expected)
		// Bob's tree follows once his plan is extracted again.
		await treeItem(
			bob.page,
			/^Enabler Data: Data-sharing agreement signed by all three associations Needed by 20 Jan 2027 Contact: Jo \(Legal\)/
		)
			.first()
			.waitFor({ timeout: 30_000 })
		// The form says which enabler it edits as it is now.
		expect(await form.getAttribute('aria-label')).toBe(
			'Edit enabler: Data: Data-sharing agreement signed by all three associations'
		)
		await page.waitForTimeout(300)
		await page.screenshot({ path: screenshotPath('outline-enabler-form') })
		await form.screenshot({ path: screenshotPath('outline-enabler-form-close') })
	})

	it('edits a blocker selected in the tree; Bob sees the new severity', async () => {
		const page = alice.page
		// A blocker on two milestones is listed under each; either item selects it.
		await treeItem(page, /^Blocker Listed-building consent/)
			.first()
			.focus()
		await press(page, 'Enter')
		const form = page.getByTestId('outline-blocker-form')
		await form.waitFor({ timeout: 10_000 })
		expect(await form.getAttribute('aria-label')).toBe(
			'Edit blocker: Listed-building consent for conservation-area homes'
		)
		for (const label of ['What could delay us', 'Kind', 'Who unblocks it', 'Severity', 'Status']) {
			expect(await form.getByLabel(label, { exact: true }).count(), label).toBe(1)
		}
		await form.getByLabel('Severity').selectOption('high')
		await form.getByLabel('Who unblocks it').fill('Sam (Planning)')
		await until(
			() => shapeProps(bob.page, 'shape:b-consent'),
			(p) => p?.severity === 'high' && p?.owner === 'Sam (Planning)',
			"Bob's store has the blocker's new severity and unblocker"
		)
		await treeItem(
			bob.page,
			/^Blocker Listed-building consent for conservation-area homes High severity, Open Unblocker: Sam \(Planning\)/
		)
			.first()
			.waitFor({ timeout: 30_000 })
	})

	it('renames a stage selected in the tree; Bob sees the new name', async () => {
		const page = alice.page
		await treeItem(page, /^Stage: Deliver /).focus()
		await press(page, 'Enter')
		await until(
			() => selectedIds(page),
			(ids) => ids.length === 1 && ids[0] === 'shape:stage-deliver',
			'Enter selects the stage'
		)
		const form = page.getByTestId('outline-stage-form')
		await form.waitFor({ timeout: 10_000 })
		expect(await form.getAttribute('aria-label')).toBe('Edit stage: Deliver')
		await press(page, 'Tab')
		expect(await focusedField(page)).toEqual({ form: 'outline-stage-form', label: 'Stage name' })
		const name = form.getByLabel('Stage name')
		// As long as the map keeps (restoreRecords cuts longer names).
		expect(await name.getAttribute('maxlength')).toBe('10000')
		await form.screenshot({ path: screenshotPath('outline-stage-form-close') })
		await press(page, 'End')
		await page.keyboard.type(' the retrofit')
		expect(await shapeProps(page, 'shape:stage-deliver')).toMatchObject({
			name: 'Deliver the retrofit',
		})
		await until(
			() => shapeProps(bob.page, 'shape:stage-deliver'),
			(p) => p?.name === 'Deliver the retrofit',
			"Bob's store has the stage's new name"
		)
		await treeItem(bob.page, 'Stage: Deliver the retrofit 2 milestones').waitFor({
			timeout: 30_000,
		})
		// One undo step takes the whole rename back, not a letter.
		await page.evaluate(() => {
			window.editor!.undo()
		})
		expect(await shapeProps(page, 'shape:stage-deliver')).toMatchObject({ name: 'Deliver' })
		expect(await name.inputValue()).toBe('Deliver')
	})

	it("disables a locked enabler's form, and an enabler's in a locked stage, and says why", async () => {
		const page = alice.page
		await page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:e-booking' as never,
				type: 'enabler',
				isLocked: true,
			})
		})
		const before = await shapeProps(page, 'shape:e-booking')
		await treeItem(page, /^Enabler Digital \/ IT: Online booking/)
			.first()
			.click()
		const form = page.getByTestId('outline-enabler-form')
		await until(
			() => form.getAttribute('aria-label'),
			(label) => label === 'Edit enabler: Digital / IT: Online booking for home surveys',
			'the locked enabler has its form'
		)
		expect(await form.textContent()).toContain('This enabler is locked; it cannot be changed now.')
		expect(
			await form.locator('fieldset').evaluate((f) => (f as HTMLFieldSetElement).disabled)
		).toBe(true)
		for (const label of ['Service', 'What we need from them', 'Needed by', 'Status']) {
			expect(await form.getByLabel(label, { exact: true }).isDisabled(), label).toBe(true)
		}
		expect(await shapeProps(page, 'shape:e-booking')).toEqual(before)
		await page.waitForTimeout(200)
		await page.screenshot({ path: screenshotPath('outline-enabler-form-locked') })
		await form.screenshot({ path: screenshotPath('outline-enabler-form-locked-close') })

		// Unlocked, the form takes typing again.
		await page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:e-booking' as never,
				type: 'enabler',
				isLocked: false,
			})
		})
		await until(
			() => form.getByLabel('Service', { exact: true }).isDisabled(),
			(disabled) => !disabled,
			'the unlocked enabler can be edited'
		)
		expect(await form.textContent()).not.toContain('locked')

		// A stage locked on its own (not each shape in it): its enabler cannot be changed either.
		await page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:stage-discover' as never,
				type: 'frame',
				isLocked: true,
			})
		})
		await treeItem(page, /^Enabler Data: Data-sharing agreement/)
			.first()
			.click()
		await until(
			() => form.getAttribute('aria-label'),
			(label) => label?.startsWith('Edit enabler: Data: Data-sharing agreement') ?? false,
			'the enabler in the locked stage has its form'
		)
		expect(await form.textContent()).toContain(
			'This enabler is in the locked stage “Discover”; it cannot be changed until the stage is unlocked.'
		)
		expect(await form.getByLabel('Service', { exact: true }).isDisabled()).toBe(true)
		await page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:stage-discover' as never,
				type: 'frame',
				isLocked: false,
			})
		})
	})

	it('keeps the enabler form tidy and readable in dark mode', async () => {
		const page = alice.page
		await treeItem(page, /^Enabler Procurement: Framework contract/)
			.first()
			.click()
		await page.getByTestId('outline-enabler-form').waitFor({ timeout: 10_000 })
		await setColorScheme(page, 'dark', true)
		await page.waitForTimeout(300)
		try {
			await expectDarkAndReadable(page, '.dm-sidebar', 'outline-enabler-form-dark')
			await page
				.getByTestId('outline-enabler-form')
				.screenshot({ path: screenshotPath('outline-enabler-form-dark-close') })
		} finally {
			await setColorScheme(page, 'light', false)
		}
	})

	it('lists an enabler and a blocker linked to no milestone under their stage, to edit there', async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShapes([
				{
					id: 'shape:e-loose',
					type: 'enabler',
					parentId: 'shape:stage-deliver',
					x: 500,
					y: 700,
					props: { service: 'finance', contribution: 'Match funding for phase two' },
				},
				{
					id: 'shape:b-loose',
					type: 'blocker',
					parentId: 'shape:stage-deliver',
					x: 500,
					y: 850,
					props: { title: 'Scaffolding permits' },
				},
			] as never)
		})
		const page = bob.page
		const enabler = treeItem(page, /^Enabler Finance: Match funding for phase two /)
		const blocker = treeItem(page, /^Blocker Scaffolding permits /)
		await enabler.waitFor({ timeout: 30_000 })
		// Level 2, after the Deliver stage's milestones, saying what is missing.
		for (const item of [enabler, blocker]) {
			expect(await item.getAttribute('aria-level')).toBe('2')
			expect(await item.textContent()).toContain('Not linked to a milestone')
			const stage = await item.evaluate((el) => {
				let at = el.previousElementSibling
				while (at && at.getAttribute('aria-level') !== '1') at = at.previousElementSibling
				return at?.querySelector('.dm-outline-title')?.textContent ?? null
			})
			expect(stage).toMatch(/^Deliver/)
		}
		// From the keyboard: down through the Deliver stage's milestones and what they rely on,
		// the loose enabler, then the loose blocker.
		await treeItem(page, /^Stage: Deliver /).focus()
		for (
			let i = 0;
			i < 20 && !/^Enabler Finance: Match/.test((await focusedName(page)) ?? '');
			i++
		) {
			await press(page, 'ArrowDown')
		}
		expect(await focusedName(page)).toMatch(/^Enabler Finance: Match funding/)
		await press(page, 'ArrowDown')
		expect(await focusedName(page)).toMatch(/^Blocker Scaffolding permits/)
		await press(page, 'ArrowUp')
		await press(page, 'Enter')
		const form = page.getByTestId('outline-enabler-form')
		await form.waitFor({ timeout: 10_000 })
		await form.getByLabel('Needed by').fill('2027-03-01')
		await until(
			() => shapeProps(alice.page, 'shape:e-loose'),
			(p) => p?.neededBy === '2027-03-01',
			"Alice's store has the needed-by date Bob set from the outline"
		)
		await page.screenshot({ path: screenshotPath('outline-loose-enabler') })

		// Once Alice draws an arrow from it to a milestone, it moves under that milestone.
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({ id: 'shape:a-loose', type: 'arrow', x: 0, y: 0 } as never)
			const end = (terminal: 'start' | 'end', toId: string) => ({
				type: 'arrow',
				fromId: 'shape:a-loose',
				toId,
				props: {
					terminal,
					normalizedAnchor: { x: 0.5, y: 0.5 },
					isExact: false,
					isPrecise: false,
				},
			})
			editor.createBindings([end('start', 'shape:e-loose'), end('end', 'shape:m-homes')] as never)
		})
		await until(
			() => enabler.first().getAttribute('aria-level'),
			(level) => level === '3',
			'the enabler is listed under First 100 homes retrofitted'
		)
		expect(await enabler.count()).toBe(1)
		expect(await enabler.textContent()).not.toContain('Not linked to a milestone')
		expect(await blocker.getAttribute('aria-level')).toBe('2')
	})

	it('shows no form from a view link', async () => {
		const viewUrl = await viewLinkFrom(alice.page, 30_000)
		expect(url).toContain('/r/')
		const viewer = await openPage(alice.context.browser()!)
		await joinMap(viewer, viewUrl, 'Watcher')
		await treeItem(viewer.page, /^Stage: Deliver /).waitFor({ timeout: 30_000 })
		for (const [name, id] of [
			[/^Enabler Procurement: Framework contract/, 'shape:e-framework'],
			[/^Blocker Listed-building consent/, 'shape:b-consent'],
			[/^Stage: Deliver /, 'shape:stage-deliver'],
		] as const) {
			await treeItem(viewer.page, name).first().click()
			expect(await selectedIds(viewer.page)).toEqual([id])
			expect(
				await viewer.page.getByTestId('plan-outline').locator('section[data-kind]').count()
			).toBe(0)
			expect(
				await viewer.page.getByTestId('plan-outline').locator('input, select, textarea').count()
			).toBe(0)
		}
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
