import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	screenshotPath,
	type TrackedPage,
} from './browserHelpers'
import { drawSampleMap } from './exportMenuHelpers'

/** Everyone the sample map names, as owner, unblocker, enabler contact or blocker's unblocker. */
const SAMPLE_PEOPLE = [
	'Alex (Procurement)',
	'Chris (Finance)',
	'Dee (Skills)',
	'Jo (Housing)',
	'Lee (Legal)',
	'Priya (Community team)',
	'Sam (Data)',
]

/** The suggestions a text field offers: its datalist's options, or null without one. */
function suggestionsOf(page: Page, scope: string, label: string): Promise<string[] | null> {
	return page.evaluate(
		([scope, label]) => {
			const fields = [...document.querySelectorAll<HTMLInputElement>(`${scope} input`)]
			const input = fields.find((f) => f.labels?.[0]?.textContent === label)
			if (!input) throw new Error(`no field "${label}" in ${scope}`)
			const list = input.list
			return list ? [...list.options].map((o) => o.value) : null
		},
		[scope, label] as [string, string]
	)
}

async function select(page: Page, id: string) {
	await page.evaluate((shapeId) => {
		window.editor!.select(shapeId as never)
	}, id)
}

// Typing "Alex (Procurement)" the same way on every shape is what makes the ownership view group
// one person's work: each field that names a person offers the names already on the map.
describe('fields that name a person suggest the names on the map', { timeout: 120_000 }, () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		await drawSampleMap(alice.page)
		// Bob folds the side panel: its Plan tab's form would edit the selection instead of the
		// properties panel on the canvas.
		await bob.page.getByRole('tab', { name: 'Plan' }).click()
		await eventually(
			() => bob.page.evaluate(() => window.editor!.getCurrentPageShapeIds().size),
			(n) => n > 20,
			'Bob has the sample map'
		)
	})

	it('offers every name on the map for a blocker, an enabler and a milestone in the properties panel', async () => {
		const page = bob.page
		const panel = '[data-testid="properties-panel"]'
		await select(page, 'shape:b-consent')
		await page.locator(panel).waitFor()
		expect(await suggestionsOf(page, panel, 'Who unblocks it')).toEqual(SAMPLE_PEOPLE)
		await select(page, 'shape:e-booking')
		await page.locator(panel).getByLabel('Contact in the service').waitFor()
		expect(await suggestionsOf(page, panel, 'Contact in the service')).toEqual(SAMPLE_PEOPLE)
		await select(page, 'shape:m-bau')
		await page.locator(panel).getByLabel('Owner (does the work)').waitFor()
		expect(await suggestionsOf(page, panel, 'Owner (does the work)')).toEqual(SAMPLE_PEOPLE)
		expect(await suggestionsOf(page, panel, 'Unblocker (owns unblocking it)')).toEqual(
			SAMPLE_PEOPLE
		)
	})

	it('adds a name a peer has just typed, once, whatever its case', async () => {
		// Alice names a new person, twice, spelt two ways.
		await alice.page.evaluate(() => {
			window.editor!.updateShapes([
				{ id: 'shape:b-consent' as never, type: 'blocker', props: { owner: 'Kim (Legal)' } },
				{ id: 'shape:e-booking' as never, type: 'enabler', props: { owner: 'kim  (legal)' } },
			])
		})
		await eventually(
			() =>
				bob.page.evaluate(
					() =>
						(window.editor!.getShape('shape:e-booking' as never)?.props as { owner: string }).owner
				),
			(owner) => owner === 'kim  (legal)',
			'Bob has Alice’s names'
		)
		// Bob, on the milestone still, moves to the unblocker field: it offers Kim once.
		const panel = bob.page.getByTestId('properties-panel')
		await panel.getByLabel('Unblocker (owns unblocking it)').focus()
		await expect
			.poll(() =>
				suggestionsOf(
					bob.page,
					'[data-testid="properties-panel"]',
					'Unblocker (owns unblocking it)'
				)
			)
			.toEqual(
				[...SAMPLE_PEOPLE.slice(0, 5), 'Kim (Legal)', ...SAMPLE_PEOPLE.slice(5)].sort((a, b) =>
					a.localeCompare(b)
				)
			)
		await bob.page.screenshot({ path: screenshotPath('person-suggestions-panel') })
	})

	it('offers the same names in the outline’s forms', async () => {
		const page = bob.page
		// The Plan tab, open beside the canvas on a laptop's window (Bob folded it above).
		await page.getByRole('tab', { name: 'Plan' }).click()
		await page.getByTestId('plan-outline').waitFor()
		const outline = '[data-testid="plan-outline"]'
		await select(page, 'shape:b-flag')
		await page.getByTestId('outline-blocker-form').waitFor()
		const names = await suggestionsOf(page, outline, 'Who unblocks it')
		expect(names).toContain('Kim (Legal)')
		expect(names).toContain('Lee (Legal)')
		await select(page, 'shape:e-dsa')
		await page.getByTestId('outline-enabler-form').waitFor()
		expect(await suggestionsOf(page, outline, 'Contact in the service')).toEqual(names)
		await select(page, 'shape:m-skills')
		await page.getByTestId('outline-milestone-form').waitFor()
		expect(await suggestionsOf(page, outline, 'Unblocker (owns unblocking it)')).toEqual(names)
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
