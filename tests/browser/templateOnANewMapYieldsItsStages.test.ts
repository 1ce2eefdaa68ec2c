import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import type { Relay } from '../../sync-server/createRelay'
import { HINT_META_KEY } from '../../shared/templates/templateShapes'
import { templates } from '../../shared/templates/templates'
import {
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
	waitForEditor,
} from './browserHelpers'
import type { Browser } from 'playwright-core'

interface ShapeSummary {
	id: string
	type: string
	x: number
	parentId: string
	name?: string
	hint: boolean
	text: string
}

/** The current page's shapes, with frame names and the plain text of hints. */
async function shapesOf(page: Page): Promise<ShapeSummary[]> {
	return page.evaluate((hintKey) => {
		const editor = window.editor!
		return editor.getCurrentPageShapes().map((s) => {
			const props = s.props as { name?: string }
			return {
				id: s.id as string,
				type: s.type,
				x: s.x,
				parentId: s.parentId as string,
				...(s.type === 'frame' ? { name: props.name } : {}),
				hint: s.meta[hintKey] === true,
				text: editor.getShapeUtil(s).getText(s) ?? '',
			}
		})
	}, HINT_META_KEY)
}

async function planRecordsOf(page: Page): Promise<unknown[]> {
	return page.evaluate(() =>
		window
			.editor!.store.allRecords()
			.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
	)
}

/** Picks a start on the home page and creates the map; resolves with the new map's URL. */
async function createMapFrom(page: Page, relay: Relay, choice: string): Promise<string> {
	await page.goto(`${relay.url}/`)
	await page.getByRole('radio', { name: choice, exact: true }).check()
	await page.getByRole('button', { name: 'Create map' }).click()
	await page.waitForURL(/\/r\//)
	await page.waitForFunction(() => window.editor !== undefined, undefined, { timeout: 60_000 })
	// The first map on this device asks for a name; later ones remember it.
	const name = page.getByLabel('Your name', { exact: true })
	if ((await name.count()) > 0) {
		await name.fill('Alice')
		await page.getByRole('button', { name: 'Join the map' }).click()
	}
	return page.url()
}

// Generous: the machine is shared, and a page can take long to open under load.
describe('templates on a new map', { timeout: 90_000 }, () => {
	let relay: Relay
	let browser: Browser
	let alice: Page

	beforeAll(async () => {
		relay = await startRelayWithClient()
		browser = await launchBrowser()
		alice = (await openPage(browser)).page
	})

	it('offers an empty map and every template on the home page, each with its description', async () => {
		await alice.goto(`${relay.url}/`)
		const picker = alice.getByRole('group', { name: 'Start from' })
		const options = await picker
			.getByRole('radio')
			.evaluateAll((els) => els.map((el) => el.getAttribute('value')))
		expect(options).toEqual(['empty', ...templates.map((t) => t.id)])
		for (const t of templates) {
			const radio = picker.getByRole('radio', { name: t.name, exact: true })
			expect(await radio.getAttribute('aria-describedby')).toBeTruthy()
			await expect.poll(() => picker.textContent()).toContain(t.description)
		}
		await alice.setViewportSize({ width: 1280, height: 1000 })
		await alice.screenshot({ path: screenshotPath('template-picker'), fullPage: true })
		await alice.setViewportSize({ width: 1280, height: 800 })
	})

	for (const template of templates) {
		it(`creates the ${template.name} with its stages in order and a hint in each`, async () => {
			await createMapFrom(alice, relay, template.name)
			const shapes = await eventually(
				() => shapesOf(alice),
				(s) => s.filter((x) => x.type === 'frame').length === template.stages.length,
				'the template is on the canvas'
			)
			const frames = shapes.filter((s) => s.type === 'frame').sort((a, b) => a.x - b.x)
			expect(frames.map((f) => f.name)).toEqual([...template.stages])
			for (const frame of frames) {
				const hints = shapes.filter((s) => s.parentId === frame.id && s.hint)
				expect(hints.length, `hint in ${frame.name}`).toBeGreaterThan(0)
				expect(hints[0]!.text.length).toBeGreaterThan(20)
			}
			const plan = extractPlan(await planRecordsOf(alice))
			expect(plan.stages.map((s) => s.name)).toEqual([...template.stages])
			expect(plan.milestones).toEqual([])
			await alice.waitForTimeout(500)
			await alice.screenshot({ path: screenshotPath(`template-${template.id}`) })
			// Opened where its hints can be read (the four-stage maps opened whole at 30 %, the
			// hints 7 px high), the first stage's hint in view.
			const firstHint = shapes.find((s) => s.parentId === frames[0]!.id && s.hint)!
			const view = await alice.evaluate((hint) => {
				const editor = window.editor!
				return {
					zoom: editor.getZoomLevel(),
					hintInView: editor
						.getViewportPageBounds()
						.includes(editor.getShapePageBounds(hint as never)!),
				}
			}, firstHint.id)
			expect(view.zoom).toBeGreaterThanOrEqual(0.5)
			expect(view.hintInView).toBe(true)
		})
	}

	it('shows the template to everyone who joins, and never adds it twice', async () => {
		const url = await createMapFrom(alice, relay, 'Delivery map')
		await waitForConnected(alice)
		const before = await eventually(
			() => shapesOf(alice),
			(s) => s.length > 0,
			'the template is on the canvas'
		)
		const bob = await openPage(browser)
		await joinMap(bob, url, 'Bob')
		const seen = await eventually(
			() => shapesOf(bob.page),
			(s) => s.length === before.length,
			'Bob has the template, hints included'
		)
		expect(seen.map((s) => [s.id, s.name, s.text]).sort()).toEqual(
			before.map((s) => [s.id, s.name, s.text]).sort()
		)
		await alice.reload()
		await waitForEditor(alice)
		await alice.waitForTimeout(1000)
		expect((await shapesOf(alice)).length).toBe(before.length)
	})

	it('creates a template map offline, which reaches the others when the network is back', async () => {
		const tracked = await openPage(browser)
		const { page, context } = tracked
		await page.goto(`${relay.url}/`)
		// The service worker has cached the app shell once it controls the page.
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000,
		})
		await context.setOffline(true)
		const url = await createMapFrom(page, relay, 'Backcasting map')
		await page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
		const offline = await eventually(
			() => shapesOf(page),
			(s) => s.some((x) => x.type === 'frame'),
			'the template is on the canvas offline'
		)
		const names = offline.filter((s) => s.type === 'frame').sort((a, b) => a.x - b.x)
		expect(names.map((f) => f.name)).toEqual(['First steps', 'Midway', 'Just before', 'Outcome'])

		await context.setOffline(false)
		await waitForConnected(page)
		const bob = await openPage(browser)
		await joinMap(bob, url, 'Bob')
		await eventually(
			() => shapesOf(bob.page),
			(s) => s.length === offline.length,
			'Bob receives the template made offline'
		)
	})

	it('starts an empty map with no shapes', async () => {
		await createMapFrom(alice, relay, 'Empty map')
		await alice.waitForTimeout(500)
		expect(await shapesOf(alice)).toEqual([])
	})
})
