import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	screenshotPath,
	shapeProps,
	type TrackedPage,
} from './browserHelpers'
import { treeItem } from './outlineHelpers'
import { drawSampleMap } from './exportMenuHelpers'

/** The outline's tree items, as "level: name" lines (the name is the item's text, as read). */
async function outlineItems(page: Page): Promise<string[]> {
	return page.evaluate(() =>
		[...document.querySelectorAll('[data-testid="plan-outline"] [role="treeitem"]')].map((item) => {
			const copy = item.cloneNode(true) as HTMLElement
			copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove())
			const name = copy.textContent!.replace(/\s+/g, ' ').trim()
			return `${item.getAttribute('aria-level')}: ${name}`
		})
	)
}

describe('the plan outline beside the canvas', () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		await drawSampleMap(alice.page)
	})

	it("shows the sample map's stages in order with their milestones, enablers and blockers", async () => {
		const items = await eventually(
			() => outlineItems(bob.page),
			(list) => list.some((l) => l.includes('Retrofit offer is business as usual')),
			"Bob's outline shows the sample map"
		)
		const stages = items.filter((l) => l.startsWith('1: '))
		expect(stages).toEqual([
			'1: Stage: Discover 1 milestone',
			'1: Stage: Design 1 milestone',
			'1: Stage: Deliver 2 milestones',
			'1: Stage: Embed 1 milestone',
		])
		const needs = items.find((l) => l.includes("Residents' energy needs mapped"))
		expect(needs).toMatch(
			/^2: Milestone: Residents' energy needs mapped Amber Owner: Priya \(Community team\) /
		)
		expect(needs).toContain('Due 31 Jan 2027')
		// Each milestone's enablers and blockers are its children (level 3), right after it.
		const homes = items.findIndex((l) => l.includes('First 100 homes retrofitted'))
		expect(homes).toBeGreaterThan(0)
		expect(items[homes + 1]).toMatch(/^3: (Enabler|Blocker)/)
		expect(items.some((l) => l.startsWith('3: Blocker Listed-building consent'))).toBe(true)
		expect(items.some((l) => l.startsWith('3: Enabler Procurement: Framework contract'))).toBe(true)
		// The map checks are listed too.
		const checks = bob.page.getByTestId('plan-outline').locator('.dm-outline-diagnostics li')
		expect(await checks.count()).toBeGreaterThan(0)
	})

	it("shows a milestone created and then retitled in Alice's page in Bob's outline", async () => {
		await alice.page.evaluate(() => {
			window.editor!.createShape({
				id: 'shape:outline-new' as never,
				type: 'milestone',
				parentId: 'shape:stage-design' as never,
				x: 40,
				y: 380,
				props: { title: 'Pilot street chosen', owner: 'Kim' },
			})
		})
		await treeItem(bob.page, /^Milestone: Pilot street chosen No RAG /).waitFor({ timeout: 15_000 })
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:outline-new' as never,
				type: 'milestone',
				props: { title: 'Pilot street chosen with residents' },
			})
		})
		await treeItem(bob.page, /^Milestone: Pilot street chosen with residents /).waitFor({
			timeout: 15_000,
		})
		const items = await outlineItems(bob.page)
		expect(items).toContain('1: Stage: Design 2 milestones')
	})

	it("shows an edit in the same render as the canvas, before the plan's next extraction", async () => {
		await treeItem(bob.page, /^Milestone: Pilot street chosen with residents /).waitFor({
			timeout: 15_000,
		})
		await bob.page.waitForTimeout(500)
		const seen = await bob.page.evaluate(async () => {
			const stats = (window as unknown as { __dmLivePlan: { answers: number } }).__dmLivePlan
			const answersBefore = stats.answers
			window.editor!.updateShape({
				id: 'shape:outline-new' as never,
				type: 'milestone',
				props: {
					owner: 'Noor',
					checkins: [{ date: '2026-11-01', rag: 'amber', note: 'Residents asked for a vote' }],
				},
			})
			// React renders store changes in a microtask; the worker's answer comes in a later task.
			for (let i = 0; i < 5; i++) await Promise.resolve()
			const row = document.querySelector(
				'[data-testid="plan-outline"] [data-key="shape:outline-new"]'
			)
			return { text: row?.textContent ?? '', answered: stats.answers !== answersBefore }
		})
		expect(seen.answered).toBe(false)
		expect(seen.text).toContain('Owner: Noor')
		// The latest check-in's RAG, as the plan has it (SPEC R7).
		expect(seen.text).toContain('Amber')
		// The plan then agrees: the same row once the extraction has arrived.
		await treeItem(
			bob.page,
			/^Milestone: Pilot street chosen with residents Amber Owner: Noor /
		).waitFor({ timeout: 15_000 })
	})

	it('marks shapes with problems on the canvas, and clears a mark once its problem is fixed', async () => {
		const ring = bob.page.locator('.dm-problem-ring[data-shape-id="shape:ring-check"]')
		const marker = bob.page.locator('.dm-problem-marker[data-shape-id="shape:loose-arrow"]')
		await alice.page.evaluate(() => {
			window.editor!.createShapes([
				{
					id: 'shape:ring-check' as never,
					type: 'milestone',
					parentId: 'shape:stage-design' as never,
					x: 40,
					y: 520,
					props: { title: 'Ring check' },
				},
				// An arrow bound at neither end: a warning drawn by the markers layer, not a ring.
				{
					id: 'shape:loose-arrow' as never,
					type: 'arrow',
					parentId: 'shape:stage-design' as never,
					x: 60,
					y: 700,
					props: { start: { x: 0, y: 0 }, end: { x: 120, y: 0 } },
				},
			])
		})
		await bob.page.evaluate(() => {
			window.editor!.zoomToFit({ animation: { duration: 0 } })
		})
		await ring.waitFor({ timeout: 15_000 })
		// No owner, no unblocker, no due date: three warnings.
		expect(await ring.getAttribute('data-severity')).toBe('warning')
		expect((await ring.textContent())?.trim()).toBe('!3')
		await marker.waitFor({ timeout: 15_000 })
		expect(await marker.getAttribute('data-severity')).toBe('warning')
		// Fixed in Alice's page: the ring goes from Bob's canvas; the arrow keeps its marker.
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:ring-check' as never,
				type: 'milestone',
				props: { owner: 'Kim', unblocker: 'Lee', due: '2027-03-31' },
			})
		})
		await ring.waitFor({ state: 'detached', timeout: 15_000 })
		expect(await marker.count()).toBe(1)
		await alice.page.evaluate(() => {
			window.editor!.deleteShapes(['shape:ring-check', 'shape:loose-arrow'] as never)
		})
		await marker.waitFor({ state: 'detached', timeout: 15_000 })
	})

	it('edits title, outcome, owner, unblocker, due date, status and RAG from the outline, in both pages', async () => {
		const page = bob.page
		await treeItem(page, /^Milestone: Local installers trained /).click()
		const form = page.getByTestId('outline-milestone-form')
		await form.waitFor({ timeout: 10_000 })
		await form.getByLabel('Title').fill('Local installers trained and certified')
		await form.getByLabel('Owner (does the work)').fill('Dee (Skills)')
		await form.getByLabel('Unblocker (owns unblocking it)').fill('Chris (Finance)')
		await form.getByLabel('Due').fill('2027-08-31')
		await form.getByLabel('RAG').selectOption('red')
		await form
			.getByLabel('Outcome (what shifts for people)')
			.fill('Homes are fitted by local people')
		await form.getByLabel('Status').selectOption('in-progress')
		// Check-ins are recorded in the Check-in tab, not here.
		expect(await form.getByText('Monthly check-ins').count()).toBe(0)
		const expected = {
			title: 'Local installers trained and certified',
			outcome: 'Homes are fitted by local people',
			status: 'in-progress',
			owner: 'Dee (Skills)',
			unblocker: 'Chris (Finance)',
			due: '2027-08-31',
			rag: 'red',
		}
		expect(await shapeProps(page, 'shape:m-skills')).toMatchObject(expected)
		await eventually(
			() => shapeProps(alice.page, 'shape:m-skills'),
			// Every field, the last one set (status) included: each edit is its own update.
			(p) => Object.entries(expected).every(([key, value]) => p?.[key] === value),
			'Alice sees every edit made in Bob’s outline'
		)
		expect(await shapeProps(alice.page, 'shape:m-skills')).toMatchObject(expected)
		// Both outlines show the new values.
		for (const p of [alice.page, bob.page]) {
			await treeItem(
				p,
				/^Milestone: Local installers trained and certified Red Owner: Dee \(Skills\) Unblocker: Chris \(Finance\) Due 31 Aug 2027\b/
			).waitFor({ timeout: 15_000 })
		}
		await page.waitForTimeout(400)
		await page.screenshot({ path: screenshotPath('outline-edit-bob') })
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
