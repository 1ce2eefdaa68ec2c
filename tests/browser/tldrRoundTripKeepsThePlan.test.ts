import { beforeAll, describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { newRoomId } from '../../shared/roomId'
import type { Relay } from '../../sync-server/createRelay'
import {
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	dialogPlacement,
	eventually,
	startRelayWithClient,
	waitForConnected,
	waitForEditor,
	type TrackedPage,
} from './browserHelpers'
import {
	downloadFrom,
	drawSampleMap,
	pageToday,
	pickMapFile,
	planRecordsOf,
} from './exportMenuHelpers'
import type { Browser } from 'playwright-core'

/** The plan of the map a page shows, as JSON (what the exports are made from). */
async function planJson(tracked: TrackedPage): Promise<string> {
	const today = await pageToday(tracked.page)
	return JSON.stringify(extractPlan(await planRecordsOf(tracked.page), { today }))
}

describe('a .tldr file', () => {
	let relay: Relay
	let browser: Browser
	let alice: TrackedPage
	let firstUrl: string
	let exported: string

	beforeAll(async () => {
		relay = await startRelayWithClient()
		browser = await launchBrowser()
		alice = await openPage(browser)
		firstUrl = `${relay.url}/r/${newRoomId()}`
		await joinMap(alice, firstUrl, 'Alice')
		await waitForConnected(alice.page)
		await drawSampleMap(alice.page)
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:m-homes' as never,
				type: 'milestone',
				props: {
					status: 'in-progress',
					checkins: [{ date: '2026-10-01', rag: 'amber', note: 'Installers booked, 2 weeks late' }],
					rag: 'amber',
				},
			})
		})
	})

	it('is saved with the document records only, in tldraw file format', async () => {
		const file = await downloadFrom(alice.page, 'Save as .tldr file')
		expect(file.fileName).toBe('delivery-map.tldr')
		exported = file.bytes.toString('utf8')
		const parsed = JSON.parse(exported) as {
			tldrawFileFormatVersion: number
			schema: { schemaVersion: number }
			records: Array<{ typeName: string }>
		}
		expect(parsed.tldrawFileFormatVersion).toBe(1)
		expect(parsed.schema.schemaVersion).toBe(2)
		const types = new Set(parsed.records.map((r) => r.typeName))
		expect([...types].sort()).toEqual(['binding', 'document', 'page', 'shape'])
		const shapes = await alice.page.evaluate(() => window.editor!.getCurrentPageShapeIds().size)
		expect(parsed.records.filter((r) => r.typeName === 'shape')).toHaveLength(shapes)
	})

	it('opens as a new map with the very same plan, which reaches the relay', async () => {
		const before = await planJson(alice)
		await pickMapFile(alice.page, 'Open .tldr as a new map', {
			name: 'delivery-map.tldr',
			text: exported,
		})
		const dialog = alice.page.getByRole('dialog', { name: /Open “delivery-map.tldr” as a new map/ })
		await dialog.waitFor({ timeout: 10_000 })
		expect(await dialog.textContent()).toContain('4 stages, 5 milestones, 4 enablers, 3 blockers')
		expect(await dialog.textContent()).toContain('Every record in the file was read as it is.')
		await dialog.getByRole('button', { name: 'Open as a new map' }).click()
		await alice.page.waitForURL((url) => url.pathname.startsWith('/r/') && url.href !== firstUrl, {
			timeout: 20_000,
		})
		await waitForEditor(alice.page)
		await alice.page
			.getByRole('status')
			.filter({ hasText: 'Opened delivery-map.tldr as a new map' })
			.waitFor({ timeout: 10_000 })
		expect(await planJson(alice)).toBe(before)
		// The file's map had no name: the new map is named after the file.
		expect(await alice.page.getByRole('textbox', { name: 'Map name' }).inputValue()).toBe(
			'delivery-map'
		)
		// The whole map is in view on the canvas beside the side panel (it was once framed for the
		// full window, before the panel took its width, so the last stage sat under the panel).
		await eventually(
			() =>
				alice.page.evaluate(() => {
					const editor = window.editor!
					const canvas = document.querySelector('.tl-container')!.getBoundingClientRect()
					return {
						fits: editor.getViewportPageBounds().contains(editor.getCurrentPageBounds()!),
						canvasRight: Math.round(canvas.right),
						panelLeft: Math.round(
							document.querySelector('.dm-sidebar')!.getBoundingClientRect().left
						),
					}
				}),
			(v) => v.fits && v.canvasRight <= v.panelLeft,
			'the opened map is framed in the canvas beside the side panel',
			5000
		)

		// Someone else opening the new link gets the map from the relay.
		await waitForConnected(alice.page)
		const bob = await openPage(browser)
		await joinMap(bob, alice.page.url(), 'Bob')
		await waitForConnected(bob.page)
		await bob.page.waitForFunction(
			(count) => window.editor!.getCurrentPageShapeIds().size === count,
			await alice.page.evaluate(() => window.editor!.getCurrentPageShapeIds().size),
			{ timeout: 20_000 }
		)
		expect(await planJson(bob)).toBe(before)
		expect(alice.errors).toEqual([])
		expect(bob.errors).toEqual([])
	})

	it('opens a damaged file with what could be read, saying what was skipped and repaired', async () => {
		const file = JSON.parse(exported) as { records: unknown[] }
		file.records.push(
			{ typeName: 'shape', type: 'milestone', props: {} },
			{
				id: 'shape:bad-parent',
				typeName: 'shape',
				type: 'milestone',
				x: 10,
				y: 10,
				parentId: 'shape:gone',
				index: 'a9',
				rotation: 0,
				isLocked: false,
				opacity: 1,
				meta: {},
				props: { title: 'Orphan milestone', rag: 'purple' },
			}
		)
		await pickMapFile(alice.page, 'Open .tldr as a new map', {
			name: 'damaged.tldr',
			text: JSON.stringify(file),
		})
		const dialog = alice.page.getByRole('dialog', { name: /Open “damaged.tldr” as a new map/ })
		await dialog.waitFor({ timeout: 10_000 })
		const text = (await dialog.textContent()) ?? ''
		expect(text).toContain('1 record skipped')
		expect(text).toContain('A record has no usable id; it was skipped.')
		expect(text).toMatch(/rag/)
		expect(text).toContain("Shape shape:bad-parent's parent was missing")
		await alice.page.screenshot({ path: screenshotPath('tldr-import-dialog-new-map') })
		expect(await dialogPlacement(alice.page, '.dm-import')).toMatchObject({
			inside: true,
			backdropCoversWindow: true,
		})
		const url = alice.page.url()
		await dialog.getByRole('button', { name: 'Open as a new map' }).click()
		await alice.page.waitForURL((u) => u.href !== url, { timeout: 20_000 })
		await waitForEditor(alice.page)
		await alice.page
			.getByRole('status')
			.filter({ hasText: 'Opened damaged.tldr as a new map: 4 stages, 6 milestones' })
			.waitFor({ timeout: 10_000 })
		const orphan = await alice.page.evaluate(() => {
			const shape = window.editor!.getShape('shape:bad-parent' as never)
			return shape ? { parentId: shape.parentId, props: shape.props } : null
		})
		expect(orphan).toMatchObject({
			parentId: 'page:page',
			props: { title: 'Orphan milestone', rag: 'none' },
		})
	})

	it('refuses files that are not maps, with a clear reason, and leaves the map alone', async () => {
		const before = await planJson(alice)
		const url = alice.page.url()
		const parsed = JSON.parse(exported) as {
			schema: { sequences: Record<string, number> }
			records: Array<{ id: string; type?: string }>
		}
		const newer = structuredClone(parsed)
		newer.schema.sequences['com.tldraw.shape'] = 99
		const milestone = parsed.records.find((r) => r.type === 'milestone')!
		const tooBig = structuredClone(parsed)
		for (let i = 0; i < 4500; i++) tooBig.records.push({ ...milestone, id: `shape:copy-${i}` })
		const bad: Array<[string, string | Buffer, RegExp]> = [
			['newer.tldr', JSON.stringify(newer), /saved by a newer version of tldraw or Delivery Map/],
			[
				'too-big.tldr',
				JSON.stringify(tooBig),
				/holds a map too big to share through the relay in one piece \(2\.\d MB/,
			],
			[
				'notes.tldr',
				'Just some notes, not JSON',
				/notes\.tldr is not a tldraw file: it is not JSON/,
			],
			['other.json', '{"hello": "world"}', /This is not a tldraw file: it has neither "records"/],
			['list.tldr', '{"records": 42}', /"records", but it is not a list/],
			[
				'junk.tldr',
				JSON.stringify({ records: [{ id: 'shape:x', typeName: 'shape' }, 7] }),
				/none of its shapes could be read/,
			],
			[
				'huge.tldr',
				Buffer.alloc(21 * 1024 * 1024, 32),
				/huge\.tldr is 21\.0 MB; map files up to 20\.0 MB/,
			],
		]
		for (const [name, text, reason] of bad) {
			for (const item of ['Open .tldr as a new map', 'Replace this map with .tldr']) {
				await pickMapFile(alice.page, item, { name, text })
				const dialog = alice.page.getByRole('alertdialog', { name: 'This file cannot be opened' })
				await dialog.waitFor({ timeout: 15_000 })
				expect(await dialog.textContent()).toMatch(reason)
				expect(await dialog.textContent()).toContain('Nothing was changed')
				if (name === 'other.json' && item.startsWith('Replace')) {
					await alice.page.screenshot({ path: screenshotPath('tldr-import-error') })
				}
				await alice.page.keyboard.press('Escape')
				await dialog.waitFor({ state: 'detached' })
			}
		}
		expect(alice.page.url()).toBe(url)
		expect(await planJson(alice)).toBe(before)
	}, 180_000)

	it('opens a bare list of records, making a page and dropping arrows to missing shapes', async () => {
		const parsed = JSON.parse(exported) as { records: Array<Record<string, unknown>> }
		const milestone = parsed.records.find((r) => r.type === 'milestone')!
		const binding = parsed.records.find((r) => r.typeName === 'binding')!
		const records = [
			{ ...milestone, id: 'shape:alone', parentId: 'page:elsewhere' },
			{ ...binding, id: 'binding:loose', fromId: 'shape:gone', toId: 'shape:alone' },
		]
		await pickMapFile(alice.page, 'Open .tldr as a new map', {
			name: 'records.json',
			text: JSON.stringify(records),
		})
		const dialog = alice.page.getByRole('dialog', { name: /Open “records.json” as a new map/ })
		await dialog.waitFor({ timeout: 10_000 })
		const text = (await dialog.textContent()) ?? ''
		expect(text).toContain('1 milestone')
		expect(text).toContain('The file had no page; one was made for its shapes.')
		expect(text).toContain('Binding binding:loose joins a shape that is not in the file; dropped.')
		await dialog.getByRole('button', { name: 'Cancel' }).click()
		await dialog.waitFor({ state: 'detached' })
	})
})
