import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { join } from 'node:path'
import { repoRoot } from './browserHelpers'

/** The sample map made with tldraw 5.4.2 (shared fixtures), as a `.tldr` file's text. */
export const sampleMapText = readFileSync(
	join(repoRoot, '..', 'shared', 'fixtures', 'sample-map.tldr'),
	'utf8'
)

/** Draws the sample map's shapes and arrows into the page's map, as one edit. */
export async function drawSampleMap(page: Page): Promise<void> {
	const records = (JSON.parse(sampleMapText) as { records: Array<{ typeName: string }> }).records
	await page.evaluate((all) => {
		const editor = window.editor!
		const drawn = all.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
		editor.run(() => editor.store.put(drawn as never))
		editor.zoomToFit({ animation: { duration: 0 } })
	}, records)
}

/** The map's shapes and bindings as the page's editor has them (what the plan is made from). */
export async function planRecordsOf(page: Page): Promise<unknown[]> {
	return page.evaluate(() =>
		window
			.editor!.store.allRecords()
			.filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
	)
}

/** Today's date as the page sees it (local time), the date its plan's checks measure against. */
export async function pageToday(page: Page): Promise<string> {
	return page.evaluate(() => {
		const now = new Date()
		const m = String(now.getMonth() + 1).padStart(2, '0')
		const d = String(now.getDate()).padStart(2, '0')
		return `${now.getFullYear()}-${m}-${d}`
	})
}

/** Opens the export menu with a click. */
export async function openExportMenu(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Export', exact: true }).click()
	await page.getByRole('menu', { name: 'Export' }).waitFor({ timeout: 10_000 })
}

/** Chooses a menu item (by the start of its label) and returns the file it downloads. */
export async function downloadFrom(
	page: Page,
	label: string
): Promise<{ fileName: string; bytes: Buffer }> {
	await openExportMenu(page)
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 30_000 }),
		page.getByRole('menuitem', { name: label }).click(),
	])
	const path = await download.path()
	return { fileName: download.suggestedFilename(), bytes: readFileSync(path) }
}

/** Chooses a "….tldr…" menu item that opens the file picker, and picks a file with `text`. */
export async function pickMapFile(
	page: Page,
	label: string,
	file: { name: string; text: string | Buffer }
): Promise<void> {
	await openExportMenu(page)
	const [chooser] = await Promise.all([
		page.waitForEvent('filechooser', { timeout: 10_000 }),
		page.getByRole('menuitem', { name: label }).click(),
	])
	await chooser.setFiles({
		name: file.name,
		mimeType: 'application/octet-stream',
		buffer: typeof file.text === 'string' ? Buffer.from(file.text, 'utf8') : file.text,
	})
}

/** axe-core's violations (rule ids and their elements) inside the element `selector` matches. */
export async function axeViolations(page: Page, selector: string): Promise<unknown[]> {
	await page.addScriptTag({ path: join(repoRoot, 'node_modules/axe-core/axe.min.js') })
	return page.evaluate(async (sel) => {
		type Result = { violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }
		const axe = (window as unknown as { axe: { run(el: Element): Promise<Result> } }).axe
		const result = await axe.run(document.querySelector(sel)!)
		return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) }))
	}, selector)
}
