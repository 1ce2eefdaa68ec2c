import type { Browser, BrowserContext, Page } from 'playwright-core'

/**
 * Helpers of the benchmarks' browser pages (bench/clientBenchMain.ts, clientFrames.ts,
 * outline.bench.ts).
 */

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
]

export function median(values: number[]) {
	return quantile(values, 0.5)
}

export function quantile(values: number[], q: number) {
	const sorted = [...values].sort((a, b) => a - b)
	if (sorted.length === 0) return Number.NaN
	const pos = (sorted.length - 1) * q
	const lo = Math.floor(pos)
	const hi = Math.ceil(pos)
	return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

/** Frame deltas (ms) measured in the page (pass to page.evaluate) for `seconds`. */
export function measureFrames(seconds: number): Promise<number[]> {
	return new Promise((resolve) => {
		const deltas: number[] = []
		let last = performance.now()
		const end = last + seconds * 1000
		const tick = (now: number) => {
			deltas.push(now - last)
			last = now
			if (now < end) requestAnimationFrame(tick)
			else resolve(deltas.slice(5))
		}
		requestAnimationFrame(tick)
	})
}

/** Records, in the page, the time of the first frame painted with the map's shapes on screen. */
function watchFirstShapesFrame(expected: number) {
	const w = window as unknown as {
		__firstShapesFrame?: number
		editor?: { getCurrentPageShapeIds(): Set<string> }
	}
	const check = () => {
		if (
			(w.editor?.getCurrentPageShapeIds().size ?? 0) >= expected &&
			document.querySelector('.dm-shape')
		) {
			requestAnimationFrame(() => {
				w.__firstShapesFrame = performance.now()
			})
			return
		}
		requestAnimationFrame(check)
	}
	requestAnimationFrame(check)
}

/** How the side panel of the map page starts: as a first-time user gets it, or folded away. */
export type SidePanel = 'as-users-get-it' | 'folded'

/** The key RoomSidebar keeps its open tab under (`closed` when folded). */
const SIDEBAR_KEY = 'delivery-map:sidebar'

export async function newContext(
	browser: Browser,
	shapes: number,
	sidePanel: SidePanel = 'as-users-get-it'
): Promise<BrowserContext> {
	// No service worker: both pages load their code from the network, so neither gets a cache edge.
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block',
	})
	// tsx compiles with esbuild's keepNames, so functions handed to the page may call `__name`.
	await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
	await context.addInitScript(() => localStorage.setItem('delivery-map:display-name', 'Bench'))
	if (sidePanel === 'folded') {
		await context.addInitScript((key) => localStorage.setItem(key, 'closed'), SIDEBAR_KEY)
	}
	await context.addInitScript(watchFirstShapesFrame, shapes)
	return context
}

/** What the map page's side panel shows, e.g. `open: Plan` or `folded` (checked, not assumed). */
export function sidePanelState(page: Page): Promise<string> {
	return page.evaluate(() => {
		const panel = document.querySelector('.dm-sidebar')
		if (!panel) return 'none'
		if (panel.getAttribute('data-open') !== 'true') return 'folded'
		const tab = panel.querySelector('[role="tab"][aria-selected="true"]')
		return `open: ${tab?.textContent ?? '?'}`
	})
}

export async function timeToShapes(page: Page, url: string): Promise<number> {
	await page.goto(url)
	await page.waitForFunction(
		() => (window as unknown as { __firstShapesFrame?: number }).__firstShapesFrame !== undefined,
		undefined,
		{
			timeout: 120_000,
			polling: 50,
		}
	)
	return page.evaluate(
		() => (window as unknown as { __firstShapesFrame: number }).__firstShapesFrame
	)
}

/** In the page: whether the room's copy in IndexedDB is one snapshot with no log entries left. */
function deviceCopySettled(key: string): Promise<boolean> {
	return new Promise((resolve) => {
		const open = indexedDB.open('delivery-map')
		open.onerror = () => resolve(false)
		open.onsuccess = () => {
			const db = open.result
			if (!db.objectStoreNames.contains('docs')) {
				db.close()
				return resolve(false)
			}
			const store = db.transaction('docs', 'readonly').objectStore('docs')
			const snapshot = store.getKey(key)
			const log = store.count(IDBKeyRange.bound([key], [key, []]))
			log.onsuccess = () => {
				resolve(snapshot.result !== undefined && log.result === 0)
				db.close()
			}
			log.onerror = () => resolve(false)
		}
	})
}

/**
 * In the page: every key of the device store (the bench's context holds one map: its snapshot
 * under `key`, its log entries under `[key, client, seq]`), as JSON.
 */
function deviceCopyKeys(): Promise<string> {
	return new Promise((resolve) => {
		const open = indexedDB.open('delivery-map')
		open.onerror = () => resolve(`nothing readable (${String(open.error)})`)
		open.onsuccess = () => {
			const db = open.result
			const request = db.transaction('docs', 'readonly').objectStore('docs').getAllKeys()
			request.onsuccess = () => {
				resolve(JSON.stringify(request.result))
				db.close()
			}
			request.onerror = () => resolve(`nothing readable (${String(request.error)})`)
		}
	})
}

/**
 * Waits until the map's copy on this device is saved and folded into one snapshot (as it is soon
 * after a map goes quiet), so that opening it again measures opening that copy. Returns the wait.
 */
export async function waitForSettledDeviceCopy(page: Page, key: string): Promise<number> {
	const started = Date.now()
	while (!(await page.evaluate(deviceCopySettled, key))) {
		if (Date.now() - started > 60_000) {
			const held = await page.evaluate(deviceCopyKeys)
			throw new Error(`the copy of ${key} never settled; the device store holds ${held}`)
		}
		await page.waitForTimeout(250)
	}
	return Date.now() - started
}
