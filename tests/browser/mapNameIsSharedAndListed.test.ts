import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { MAX_MAP_NAME_LENGTH } from '../../shared/model/mapName'
import {
	aliceAndBobInOneRoom,
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import { downloadFrom } from './exportMenuHelpers'

const NAME = 'Home energy retrofit 2027'

/**
 * Whether the top bar fits the canvas: the share zone ends inside it (not under the side panel)
 * and its last button is what a click there reaches.
 */
function topBarFits(page: Page) {
	return page.evaluate(() => {
		const canvas = document.querySelector('.tl-container')!.getBoundingClientRect()
		const zone = document.querySelector('.dm-share-zone')!
		const last = zone.lastElementChild!.getBoundingClientRect()
		const hit = document.elementFromPoint(last.left + last.width / 2, last.top + last.height / 2)
		return {
			inside: zone.getBoundingClientRect().right <= canvas.right + 0.5,
			reachable: hit !== null && zone.lastElementChild!.contains(hit),
		}
	})
}

function storedName(page: Page): Promise<string> {
	return page.evaluate(() => window.editor!.getDocumentSettings().name)
}

async function rename(page: Page, typed: string, key: 'Enter' | 'Escape' = 'Enter') {
	const field = page.getByRole('textbox', { name: 'Map name' })
	await field.click()
	await field.fill(typed)
	await field.press(key)
}

describe('the map name', () => {
	let relayUrl: string
	let roomUrl: string
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		const room = await aliceAndBobInOneRoom()
		;({ alice, bob } = room)
		relayUrl = room.relay.url
		roomUrl = room.url
	})

	it('starts untitled, and a rename reaches everyone: field, tab title', async () => {
		const field = alice.page.getByRole('textbox', { name: 'Map name' })
		expect(await field.inputValue()).toBe('')
		expect(await field.getAttribute('placeholder')).toBe('Untitled map')
		await rename(alice.page, `  ${NAME}  `)
		expect(await storedName(alice.page)).toBe(NAME)
		expect(await alice.page.title()).toBe(`${NAME} · Delivery Map`)
		await eventually(
			() => bob.page.getByRole('textbox', { name: 'Map name' }).inputValue(),
			(value) => value === NAME,
			"Bob's field shows the new name"
		)
		expect(await bob.page.title()).toBe(`${NAME} · Delivery Map`)
		// The name takes room in the top bar: Share must still be on the canvas, not under the
		// side panel (it was, at 1280 px, until the bar could give way).
		for (const person of [alice, bob]) {
			expect(await topBarFits(person.page)).toEqual({ inside: true, reachable: true })
		}
	})

	it('Escape puts the name back and changes nothing for anyone', async () => {
		await rename(bob.page, 'Something else', 'Escape')
		const field = bob.page.getByRole('textbox', { name: 'Map name' })
		await expect.poll(() => field.inputValue()).toBe(NAME)
		expect(await storedName(bob.page)).toBe(NAME)
		await bob.page.waitForTimeout(500)
		expect(await storedName(alice.page)).toBe(NAME)
	})

	it('keeps a pasted name to single spaces and at most its longest', async () => {
		// (An input drops line breaks itself; names from files are cleaned the same way.)
		await rename(alice.page, `Line one \t  line two\t${'x'.repeat(300)}`)
		const stored = await storedName(alice.page)
		expect(stored.startsWith('Line one line two xxx')).toBe(true)
		expect([...stored]).toHaveLength(MAX_MAP_NAME_LENGTH)
		await rename(alice.page, NAME)
		await eventually(
			() => storedName(bob.page),
			(name) => name === NAME,
			'Bob has the name back'
		)
	})

	it('is shown, not editable, on a view link', async () => {
		const editId = new URL(roomUrl).pathname.split('/')[2]
		const links = (await (await fetch(`${relayUrl}/api/rooms/${editId}/links`)).json()) as {
			viewId: string
		}
		const viewer = await openPage(await launchBrowser())
		await joinMap(viewer, `${relayUrl}/v/${links.viewId}`, 'Viewer')
		await waitForConnected(viewer.page)
		const shown = viewer.page.getByTestId('map-name')
		await expect.poll(() => shown.textContent()).toBe(NAME)
		expect(await viewer.page.getByRole('textbox', { name: 'Map name' }).count()).toBe(0)
		// With the view-only banner showing too.
		await viewer.page.getByTestId('readonly-banner').waitFor()
		expect(await topBarFits(viewer.page)).toEqual({ inside: true, reachable: true })
		expect(viewer.errors).toEqual([])
	})

	it('names the saved .tldr file, which carries it', async () => {
		const file = await downloadFrom(alice.page, 'Save as .tldr file')
		// Spaces become hyphens in file names, as in every export.
		expect(file.fileName).toBe('Home-energy-retrofit-2027.tldr')
		const records = (
			JSON.parse(file.bytes.toString('utf8')) as {
				records: Array<{ typeName: string; name?: string }>
			}
		).records
		expect(records.find((r) => r.typeName === 'document')?.name).toBe(NAME)
	})

	it('lists the map by its name on the home page of every device that opened it', async () => {
		for (const person of [alice, bob]) {
			await person.page.goto(`${relayUrl}/`)
			const list = person.page.getByTestId('recent-maps')
			await list.waitFor()
			const link = list.getByRole('link', { name: NAME })
			expect(await link.getAttribute('href')).toBe(new URL(roomUrl).pathname)
		}
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})
})
