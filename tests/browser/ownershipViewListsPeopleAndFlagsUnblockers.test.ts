import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { ownershipOf } from '../../shared/model/ownership'
import {
	aliceAndBobInOneRoom,
	eventually,
	screenshotPath,
	shapeProps,
	type TrackedPage,
} from './browserHelpers'

async function planOf(page: Page) {
	const records = await page.evaluate(() =>
		window
			.editor!.store.allRecords()
			.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
	)
	return extractPlan(records)
}

// Generous: the machine is shared, and a page can take long to open under load.
describe('the ownership view', { timeout: 90_000 }, () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:stage' as never,
				type: 'frame',
				x: 0,
				y: 0,
				props: { w: 2200, h: 700, name: 'Deliver' },
			})
			const milestone = (
				n: number,
				title: string,
				owner: string,
				unblocker: string,
				extra = {}
			) => ({
				id: `shape:m${n}` as never,
				type: 'milestone' as const,
				parentId: 'shape:stage' as never,
				x: 40 + (n - 1) * 420,
				y: 80,
				props: { title, owner, unblocker, due: '2027-06-30', ...extra },
			})
			editor.createShapes([
				milestone(1, 'Residents can apply online', 'Priya', 'Sam Okafor'),
				milestone(2, 'First payments reach families', ' priya ', 'sam  okafor'),
				milestone(3, 'Paper forms switched off', 'Jo Smith', 'SAM OKAFOR', { rag: 'red' }),
				milestone(4, 'Staff trained', 'jo smith', 'Dana', { status: 'done' }),
				milestone(5, 'Pilot evaluated', 'Priya', 'Sam Okafor', { status: 'done' }),
				{
					id: 'shape:e1' as never,
					type: 'enabler',
					parentId: 'shape:stage' as never,
					x: 40,
					y: 400,
					props: {
						service: 'legal',
						contribution: 'Data-sharing agreement signed with the housing associations',
						owner: 'Alex',
					},
				},
				{
					id: 'shape:b1' as never,
					type: 'blocker',
					parentId: 'shape:stage' as never,
					x: 460,
					y: 400,
					props: { title: 'Payment system release slot', owner: 'dana', severity: 'high' },
				},
			])
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:b1'),
			(p) => p !== null,
			'Bob has the map'
		)
	})

	it('lists each person once, with what ownershipOf says they own, unblock and owe', async () => {
		const { page } = bob
		await page.getByRole('tab', { name: 'People' }).click()
		const expected = ownershipOf(await planOf(page))
		const people = page.getByTestId('person')
		await expect.poll(() => people.count()).toBe(expected.people.length)
		const names = await people.locator('h3').allTextContents()
		expect(names).toEqual(expected.people.map((p) => p.name))
		expect(names).toEqual(['Sam Okafor', 'Priya', 'Alex', 'Dana', 'Jo Smith'])

		const sam = people.filter({
			has: page.getByRole('heading', { name: 'Sam Okafor', exact: true }),
		})
		expect(await sam.getByRole('heading', { name: 'Unblocks (4)' }).count()).toBe(1)
		const jo = people.filter({ has: page.getByRole('heading', { name: 'Jo Smith', exact: true }) })
		expect(await jo.getByRole('heading', { name: 'Owns (2)' }).count()).toBe(1)
		const alex = people.filter({ has: page.getByRole('heading', { name: 'Alex', exact: true }) })
		expect(await alex.getByRole('button').allTextContents()).toEqual([
			expect.stringContaining('Legal: Data-sharing agreement'),
		])
		const dana = people.filter({ has: page.getByRole('heading', { name: 'Dana', exact: true }) })
		expect(await dana.getByRole('heading', { name: 'Blockers to clear (1)' }).count()).toBe(1)
		// Every title is there whole, wrapped: cut to one line, the enabler said "Legal: Data-sh…".
		const cut = await page.evaluate(() =>
			[...document.querySelectorAll<HTMLElement>('.dm-people-label')]
				.filter((label) => label.scrollWidth > label.clientWidth + 1)
				.map((label) => label.textContent)
		)
		expect(cut).toEqual([])
	})

	it('flags the person who unblocks three or more open milestones, and nobody else', async () => {
		const { page } = bob
		const flagged = await page
			.locator('[data-testid="person"][data-overloaded]')
			.locator('h3')
			.allTextContents()
		expect(flagged).toEqual(['Sam Okafor'])
		const sam = page.getByTestId('person').filter({ hasText: 'Sam Okafor' })
		expect(await sam.getByRole('note').textContent()).toContain('Unblocks 3 open milestones')
	})

	it('follows live changes: three new milestones unblocked by Dana flag her too', async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			for (const [id, x] of [
				['shape:m6', 40],
				['shape:m7', 460],
				['shape:m8', 880],
			] as const) {
				editor.createShape({
					id: id as never,
					type: 'milestone',
					parentId: 'shape:stage' as never,
					x,
					y: 560,
					props: { title: `Extra ${id}`, owner: 'Priya', unblocker: 'Dana' },
				})
			}
		})
		await expect
			.poll(
				() =>
					bob.page
						.locator('[data-testid="person"][data-overloaded]')
						.locator('h3')
						.allTextContents(),
				{ timeout: 15_000 }
			)
			.toEqual(['Dana', 'Sam Okafor'])
	})

	it('lists the work nobody is named for', async () => {
		await alice.page.evaluate(() => {
			window.editor!.createShape({
				id: 'shape:m9' as never,
				type: 'milestone',
				parentId: 'shape:stage' as never,
				x: 1300,
				y: 560,
				props: { title: 'Nobody has this yet' },
			})
		})
		const gaps = bob.page.getByRole('region', { name: 'Nobody named yet' })
		await gaps.waitFor({ timeout: 15_000 })
		expect(await gaps.getByRole('heading', { level: 4 }).allTextContents()).toEqual([
			'Milestones without an owner (1)',
			'Milestones without an unblocker (1)',
		])
		expect(await gaps.getByRole('button').allTextContents()).toEqual([
			expect.stringContaining('Nobody has this yet'),
			expect.stringContaining('Nobody has this yet'),
		])
	})

	it('selects and zooms to an item when it is clicked', async () => {
		const { page } = bob
		const sam = page.getByTestId('person').filter({ hasText: 'Sam Okafor' })
		await sam.getByRole('button', { name: /Paper forms switched off/ }).click()
		await expect
			.poll(() => page.evaluate(() => window.editor!.getSelectedShapeIds() as string[]))
			.toEqual(['shape:m3'])
		// The camera glides there (a short animation), so wait for it to arrive.
		await expect
			.poll(() =>
				page.evaluate(() => {
					const editor = window.editor!
					const bounds = editor.getShapePageBounds('shape:m3' as never)!
					return editor.getViewportPageBounds().contains(bounds) && editor.getZoomLevel() > 0.9
				})
			)
			.toBe(true)
		await page.evaluate(() => {
			window.editor!.selectNone()
		})
		await page.evaluate(() => {
			window.editor!.zoomToFit()
		})
		await page.waitForTimeout(500)
		await page.screenshot({ path: screenshotPath('people-tab') })
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
