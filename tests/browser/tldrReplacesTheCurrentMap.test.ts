import { beforeAll, describe, expect, it } from 'vitest'
import { exportPlan } from '../../shared/export/exportPlan'
import { extractPlan } from '../../shared/model/extractPlan'
import type { Relay } from '../../sync-server/createRelay'
import {
	aliceAndBobInOneRoom,
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	dialogPlacement,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'
import {
	axeViolations,
	downloadFrom,
	drawSampleMap,
	openExportMenu,
	pageToday,
	pickMapFile,
	planRecordsOf,
	sampleMapText,
} from './exportMenuHelpers'

type FileRecord = { id: string; typeName: string; toId?: string; props: Record<string, unknown> }

/** The sample map, changed: one stage renamed, one milestone retitled, one removed. */
function replacementFile(): { text: string; records: FileRecord[] } {
	const file = JSON.parse(sampleMapText) as { records: FileRecord[] }
	file.records = file.records.filter((r) => r.id !== 'shape:m-bau' && r.toId !== 'shape:m-bau')
	for (const r of file.records) {
		if (r.id === 'shape:stage-discover') r.props = { ...r.props, name: 'Explore' }
		if (r.id === 'shape:m-needs') r.props = { ...r.props, title: 'Needs mapped (replaced)' }
	}
	return { text: JSON.stringify(file), records: file.records }
}

async function planJson(tracked: TrackedPage): Promise<string> {
	const today = await pageToday(tracked.page)
	return JSON.stringify(extractPlan(await planRecordsOf(tracked.page), { today }))
}

describe('replacing the current map with a .tldr file', () => {
	let relay: Relay
	let url: string
	let alice: TrackedPage
	let bob: TrackedPage
	let original: string

	beforeAll(async () => {
		;({ relay, url, alice, bob } = await aliceAndBobInOneRoom())
		await drawSampleMap(alice.page)
		original = await planJson(alice)
		await eventually(
			() => planJson(bob),
			(plan) => plan === original,
			'Bob has the map'
		)
	})

	it('asks first, and Cancel leaves the map as it was', async () => {
		const { page } = alice
		await pickMapFile(page, 'Replace this map with .tldr', {
			name: 'replacement.tldr',
			text: replacementFile().text,
		})
		const dialog = page.getByRole('alertdialog', {
			name: 'Replace this map with “replacement.tldr”?',
		})
		await dialog.waitFor({ timeout: 10_000 })
		const text = (await dialog.textContent()) ?? ''
		const shapes = await page.evaluate(() => window.editor!.getCurrentPageShapeIds().size)
		expect(text).toContain(`The ${shapes} shapes on this map will be replaced for everyone`)
		expect(text).toContain('4 stages, 4 milestones, 4 enablers, 3 blockers')
		// The destructive choice is not the one Enter would take. The dialog is rendered after the
		// file is read (not in the click), so its focus effect runs in a task after the commit
		// that made it visible: wait for the focus itself.
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 10_000 })
			.toBe('Cancel')
		await page.screenshot({ path: screenshotPath('tldr-replace-dialog') })
		// Opened from the side panel's menu, it is centred on the window, not cut off by the panel.
		expect(await dialogPlacement(page, '.dm-import')).toMatchObject({
			inside: true,
			backdropCoversWindow: true,
		})
		expect(await axeViolations(page, '.dm-import')).toEqual([])
		await page.keyboard.press('Enter')
		await dialog.waitFor({ state: 'detached' })
		expect(await planJson(alice)).toBe(original)
		// The focus goes back to the menu's button.
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-haspopup'))).toBe(
			'menu'
		)
	})

	it('replaces the map for everyone in the room after confirmation, and Undo brings it back', async () => {
		const { page } = alice
		const replacement = replacementFile()
		await pickMapFile(page, 'Replace this map with .tldr', {
			name: 'replacement.tldr',
			text: replacement.text,
		})
		const dialog = page.getByRole('alertdialog', {
			name: 'Replace this map with “replacement.tldr”?',
		})
		await dialog.getByRole('button', { name: 'Replace this map' }).click()
		await dialog.waitFor({ state: 'detached' })
		await page
			.getByRole('status')
			.filter({ hasText: 'Replaced this map with replacement.tldr' })
			.waitFor({ timeout: 10_000 })

		const today = await pageToday(page)
		const drawn = replacement.records.filter(
			(r) => r.typeName === 'shape' || r.typeName === 'binding'
		)
		const expected = JSON.stringify(extractPlan(drawn, { today }))
		expect(await planJson(alice)).toBe(expected)
		expect(expected).toContain('Needs mapped (replaced)')
		expect(expected).not.toBe(original)
		await eventually(
			() => planJson(bob),
			(plan) => plan === expected,
			'Bob sees the new map'
		)
		// Bob's exports follow: his CSV is the replacement's.
		const csv = await downloadFrom(bob.page, 'CSV spreadsheet')
		expect(csv.bytes.toString('utf8')).toBe(
			exportPlan(extractPlan(drawn, { today }), { format: 'csv' }).text
		)

		await page.evaluate(() => {
			window.editor!.undo()
		})
		await eventually(
			() => planJson(alice),
			(plan) => plan === original,
			'Alice has her map back'
		)
		await eventually(
			() => planJson(bob),
			(plan) => plan === original,
			'Bob has the map back'
		)
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	}, 90_000)

	it("moves everyone to the file's page when its page has another id", async () => {
		const file = JSON.parse(sampleMapText) as {
			records: Array<FileRecord & { parentId?: string }>
		}
		for (const r of file.records) {
			if (r.id === 'page:page') r.id = 'page:from-file'
			if (r.parentId === 'page:page') r.parentId = 'page:from-file'
		}
		await pickMapFile(alice.page, 'Replace this map with .tldr', {
			name: 'other-page.tldr',
			text: JSON.stringify(file),
		})
		const dialog = alice.page.getByRole('alertdialog', { name: /Replace this map/ })
		await dialog.getByRole('button', { name: 'Replace this map' }).click()
		await dialog.waitFor({ state: 'detached' })
		const view = (tracked: TrackedPage) =>
			tracked.page.evaluate(() => ({
				page: window.editor!.getCurrentPageId() as string,
				pages: window.editor!.getPages().length,
				shapes: window.editor!.getCurrentPageShapeIds().size,
			}))
		const shapes = file.records.filter((r) => r.typeName === 'shape').length
		const onFilePage = (v: { page: string; pages: number; shapes: number }) =>
			v.page === 'page:from-file' && v.pages === 1 && v.shapes === shapes
		await eventually(() => view(alice), onFilePage, "Alice is on the file's page")
		await eventually(() => view(bob), onFilePage, "Bob is on the file's page")
		await eventually(
			() => planJson(bob),
			(plan) => plan === original,
			'Bob has the plan'
		)

		await alice.page.evaluate(() => {
			window.editor!.undo()
		})
		const onOwnPage = (v: { page: string; pages: number; shapes: number }) =>
			v.page === 'page:page' && v.pages === 1 && v.shapes === shapes
		await eventually(() => view(alice), onOwnPage, 'Alice is back on the first page')
		await eventually(() => view(bob), onOwnPage, 'Bob is back on the first page')
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	}, 90_000)

	it('is not offered to a view link, which can still export', async () => {
		const editId = new URL(url).pathname.split('/').pop()!
		const links = (await (await fetch(`${relay.url}/api/rooms/${editId}/links`)).json()) as {
			view: string
		}
		const viewer = await openPage(await launchBrowser())
		await joinMap(viewer, `${relay.url}${links.view}`, 'Vic')
		await waitForConnected(viewer.page)
		await eventually(
			() => planJson(viewer),
			(plan) => plan === original,
			'the viewer has the map'
		)
		await openExportMenu(viewer.page)
		const replace = viewer.page.getByRole('menuitem', { name: /Replace this map/ })
		expect(await replace.getAttribute('aria-disabled')).toBe('true')
		expect(await replace.textContent()).toContain('Not from a view link')
		await viewer.page.screenshot({ path: screenshotPath('export-menu-view-link') })
		let choosers = 0
		viewer.page.on('filechooser', () => choosers++)
		await viewer.page.keyboard.press('End')
		expect(await viewer.page.evaluate(() => document.activeElement?.textContent)).toMatch(
			/^Replace this map/
		)
		await viewer.page.keyboard.press('Enter')
		await viewer.page.waitForTimeout(500)
		expect(choosers).toBe(0)
		await viewer.page.keyboard.press('Escape')
		const md = await downloadFrom(viewer.page, 'Markdown')
		const today = await pageToday(viewer.page)
		expect(md.bytes.toString('utf8')).toBe(
			exportPlan(extractPlan(await planRecordsOf(viewer.page), { today }), { format: 'md' }).text
		)
	}, 90_000)
})
