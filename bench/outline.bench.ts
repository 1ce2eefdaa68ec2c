/**
 * `npm run bench:outline`: what the live plan outline costs on a 5,000-shape map (ten stages,
 * typed shapes, arrows: bench/outlineMapRecords.ts), in headless Chromium, with the real built
 * client served by the real relay.
 *
 * (a) change to outline: a milestone's title or owner is changed with editor.updateShape, in the
 *     page (local) or in a second page (remote, through the relay); the time until the outline's
 *     DOM shows it, and until the next frame after that (when it is on screen).
 * (b) frame times while drawing (50 shapes moved at 20 Hz, and a pointer drag of one milestone),
 *     with the Plan tab open and closed, alternated.
 * (c) opening the Plan tab on the map: click to first milestone row on screen.
 *
 * Writes client/outline/PERFORMANCE.md. BENCH_QUICK=1 for fewer, shorter runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import type { TLRecord } from 'tldraw'
import { newRoomId } from '../shared/roomId'
import { createRelay } from '../sync-server/createRelay'
import { ensureClientBuilt } from '../tests/helpers/ensureClientBuilt'
import { buildBarePage, serveFolder, urlOf } from './clientBarePage'
import { CHROMIUM_ARGS, measureFrames, quantile } from './clientBenchPages'
import { outlineMapRecords } from './outlineMapRecords'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const quick = process.env.BENCH_QUICK === '1'
const SHAPES = 5000
const CHANGES = quick ? 12 : 40
const FRAME_SECONDS = quick ? 3 : 6
const ROUNDS = quick ? 1 : 2
/** BENCH_ONLY=a (or b, c, ab...) runs only those parts; the figures file is not written. */
const only = process.env.BENCH_ONLY ?? 'abc'

globalThis.requestAnimationFrame ??= (callback: FrameRequestCallback) =>
	setTimeout(() => callback(performance.now()), 16) as unknown as number
globalThis.cancelAnimationFrame ??= (handle: number) => clearTimeout(handle)

const ms = (v: number) => `${Math.round(v)} ms`

/** Draws the map into a new room from a page of the app (the outline closed), and leaves. */
async function seedRoom(browser: Browser, url: string, records: TLRecord[]) {
	const page = await openMap(browser, url, false, 0)
	for (let i = 0; i < records.length; i += 500) {
		await page.evaluate(
			(batch: string) => {
				const editor = window.editor!
				editor.run(() => editor.store.put(JSON.parse(batch)))
			},
			JSON.stringify(records.slice(i, i + 500))
		)
	}
	// Let the binding send everything and the relay store it.
	await page.waitForTimeout(5000)
	await page.context().close()
}

async function openMap(
	browser: Browser,
	url: string,
	outlineOpen: boolean,
	shapes = SHAPES
): Promise<Page> {
	const context = await browser.newContext({
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block',
	})
	await context.addInitScript({ content: 'globalThis.__name = (f) => f' })
	await context.addInitScript((open: boolean) => {
		localStorage.setItem('delivery-map:display-name', 'Bench')
		localStorage.setItem('delivery-map:sidebar', open ? 'plan' : 'closed')
	}, outlineOpen)
	const page = await context.newPage()
	page.on('pageerror', (e) => console.log('  page error:', String(e)))
	await page.goto(url)
	await page.waitForFunction(
		(n) => window.editor !== undefined && window.editor.getCurrentPageShapeIds().size >= n,
		shapes,
		{ timeout: 180_000, polling: 200 }
	)
	await page.getByTestId('connection').filter({ hasText: 'Connected' }).waitFor({ timeout: 60_000 })
	await page.evaluate(() => {
		window.editor!.setCamera({ x: 0, y: 0, z: 0.8 })
	})
	return page
}

async function setOutlineOpen(page: Page, open: boolean) {
	const isOpen = (await page.getByTestId('plan-outline').count()) > 0
	if (isOpen !== open) await page.getByRole('tab', { name: 'Plan' }).click()
	if (open) {
		await page
			.locator('[data-testid="plan-outline"] [role="treeitem"][aria-level="2"]')
			.first()
			.waitFor({ timeout: 120_000 })
	} else await page.getByTestId('plan-outline').waitFor({ state: 'detached' })
}

/**
 * In the observing page: resolves with [time the outline's DOM showed `text` in the milestone's
 * row, time of the next frame], as Date.now() values (comparable across pages).
 */
function whenOutlineShows([id, text]: [string, string]): Promise<[number, number]> {
	return new Promise((resolve) => {
		const outline = document.querySelector('[data-testid="plan-outline"]')!
		const shows = () =>
			document.querySelector(`[data-key="${id}"]`)?.textContent?.includes(text) ?? false
		const done = () => {
			const seen = Date.now()
			requestAnimationFrame(() => setTimeout(() => resolve([seen, Date.now()]), 0))
		}
		if (shows()) return done()
		const observer = new MutationObserver(() => {
			if (!shows()) return
			observer.disconnect()
			done()
		})
		observer.observe(outline, { subtree: true, childList: true, characterData: true })
	})
}

function change([id, kind, i]: [string, 'title' | 'owner', number]): number {
	const at = Date.now()
	;(window as unknown as { __benchChangeAt: number }).__benchChangeAt = performance.now()
	window.editor!.updateShape({
		id: id as never,
		type: 'milestone',
		props: kind === 'title' ? { title: `Bench change ${i}` } : { owner: `Bench owner ${i}` },
	})
	return at
}

/** Where the time of the last local change went: to the listener, the worker's answer, the DOM. */
function breakdown(): [number, number, number] {
	const w = window as unknown as {
		__benchChangeAt: number
		__dmLivePlan: { changedAt: number; postedAt: number; answeredAt: number }
	}
	const s = w.__dmLivePlan
	return [
		s.postedAt - w.__benchChangeAt,
		s.answeredAt - s.postedAt,
		performance.now() - s.answeredAt,
	]
}

/**
 * In a page: for `n` title changes of one milestone, how long editor.updateShape takes, and how
 * long until the next frame after it is on screen (the canvas showing the change).
 */
async function changeTimes(n: number): Promise<[number[], number[]]> {
	const calls: number[] = []
	const frames: number[] = []
	for (let i = 0; i < n; i++) {
		const started = performance.now()
		window.editor!.updateShape({
			id: 'shape:bench6' as never,
			type: 'milestone',
			props: { title: `Bare change ${i}` },
		})
		calls.push(performance.now() - started)
		await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
		frames.push(performance.now() - started)
		await new Promise((r) => setTimeout(r, 300))
	}
	return [calls, frames]
}

async function benchLatency(observer: Page, changer: Page, id: string) {
	const dom: number[] = []
	const painted: number[] = []
	const parts: Array<[number, number, number]> = []
	for (let i = 0; i < CHANGES; i++) {
		const kind = i % 2 === 0 ? 'title' : 'owner'
		const text = kind === 'title' ? `Bench change ${i}` : `Owner: Bench owner ${i}`
		const seen = observer.evaluate(whenOutlineShows, [id, text] as [string, string])
		const at = await changer.evaluate(change, [id, kind, i] as [string, 'title' | 'owner', number])
		const [domAt, paintAt] = await seen
		if (observer === changer) parts.push(await observer.evaluate(breakdown))
		dom.push(domAt - at)
		painted.push(paintAt - at)
		await observer.waitForTimeout(300)
	}
	if (parts.length > 0) {
		const median = (k: number) =>
			ms(
				quantile(
					parts.map((p) => p[k]!),
					0.5
				)
			)
		console.log(
			`  medians: change → posted to the worker ${median(0)}, → answer applied ${median(1)}, → (DOM seen, next frame) ${median(2)}`
		)
	}
	return { dom, painted }
}

function moveShapes([ids, seconds]: [string[], number]): Promise<number> {
	return new Promise((resolve) => {
		const editor = window.editor!
		let step = 0
		const timer = setInterval(() => {
			step++
			editor.updateShapes(
				ids.map((id) => {
					const shape = editor.getShape(id as never)!
					return { id: shape.id, type: shape.type, x: shape.x + (step % 2 === 0 ? 12 : -12) }
				})
			)
		}, 50)
		setTimeout(() => {
			clearInterval(timer)
			resolve(step)
		}, seconds * 1000)
	})
}

/** Frame deltas while 50 shapes of the first stage move at 20 Hz. */
async function framesWhileMoving(page: Page) {
	const ids: string[] = []
	for (let row = 0; ids.length < 50; row++)
		for (let col = 0; col < 5 && ids.length < 50; col++) ids.push(`shape:bench${row * 50 + col}`)
	const [frames] = await Promise.all([
		page.evaluate(measureFrames, FRAME_SECONDS),
		page.evaluate(moveShapes, [ids, FRAME_SECONDS] as [string[], number]),
	])
	return frames
}

/** Frame deltas while the pointer drags a milestone around in circles. */
async function framesWhileDragging(page: Page) {
	const start = await page.evaluate(() => {
		const editor = window.editor!
		editor.selectNone()
		const b = editor.getShapePageBounds('shape:bench150' as never)!
		const p = editor.pageToScreen({ x: b.x + 30, y: b.y + 20 })
		return { x: p.x, y: p.y }
	})
	await page.mouse.move(start.x, start.y)
	await page.mouse.down()
	const frames = page.evaluate(measureFrames, FRAME_SECONDS)
	const until = Date.now() + FRAME_SECONDS * 1000
	let t = 0
	while (Date.now() < until) {
		t += 0.15
		await page.mouse.move(start.x + 60 * Math.sin(t) + 60, start.y + 40 * Math.cos(t) - 40)
		await page.waitForTimeout(16)
	}
	await page.mouse.up()
	await page.waitForTimeout(300)
	return frames
}

async function benchOpen(page: Page) {
	const times: number[] = []
	for (let i = 0; i < (quick ? 2 : 4); i++) {
		await setOutlineOpen(page, false)
		await page.waitForTimeout(500)
		const started = Date.now()
		await setOutlineOpen(page, true)
		times.push(Date.now() - started)
		await page.waitForTimeout(1500)
	}
	return times
}

async function main() {
	console.log(
		`bench:outline on ${cpus().length} cores, Node ${process.version}${quick ? ' (quick)' : ''}`
	)
	console.log('building the client…')
	ensureClientBuilt()
	const bareServer = await serveFolder(await buildBarePage())
	const dataDir = mkdtempSync(join(tmpdir(), 'dm-outline-bench-'))
	const relay = await createRelay({
		port: 0,
		host: '127.0.0.1',
		dataDir,
		staticDir: join(root, 'dist'),
		logLevel: 'silent',
	})
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	})
	try {
		const roomId = newRoomId()
		const url = `${relay.url}/r/${roomId}`
		console.log('drawing the map…')
		await seedRoom(browser, url, outlineMapRecords(SHAPES))
		console.log('opening the map (outline open)…')
		const page = await openMap(browser, url, true)
		await setOutlineOpen(page, true)
		await page.waitForTimeout(3000)
		mkdirSync(join(root, 'test-artifacts'), { recursive: true })
		await page.screenshot({ path: join(root, 'test-artifacts', 'outline-bench-5000.png') })

		const none = { dom: [] as number[], painted: [] as number[] }
		let local = none
		let remote = none
		let bare: number[] = []
		let plain: number[] = []
		let bareFrame: number[] = []
		let plainFrame: number[] = []
		if (only.includes('a')) {
			console.log('(a) the change itself (editor.updateShape), outline closed…')
			await setOutlineOpen(page, false)
			await page.waitForTimeout(1500)
			;[bare, bareFrame] = await page.evaluate(changeTimes, CHANGES)
			console.log('(a) the same change in plain tldraw (the bare page)…')
			const barePage = await (
				await browser.newContext({ viewport: { width: 1280, height: 800 } })
			).newPage()
			await barePage.goto(`${urlOf(bareServer)}/?shapes=${SHAPES}&map=outline`)
			await barePage.waitForFunction(
				(n) => window.editor !== undefined && window.editor.getCurrentPageShapeIds().size >= n,
				SHAPES,
				{ timeout: 180_000, polling: 200 }
			)
			await barePage.evaluate(() => {
				window.editor!.setCamera({ x: 0, y: 0, z: 0.8 })
			})
			await barePage.waitForTimeout(1500)
			;[plain, plainFrame] = await barePage.evaluate(changeTimes, CHANGES)
			await barePage.context().close()
			await setOutlineOpen(page, true)
			await page.waitForTimeout(3000)
			console.log('(a) change to outline, local…')
			local = await benchLatency(page, page, 'shape:bench0')
			console.log('(a) change to outline, remote (a second page, outline closed)…')
			const peer = await openMap(browser, url, false)
			await page.waitForTimeout(2000)
			remote = await benchLatency(page, peer, 'shape:bench3')
			await peer.context().close()
		}
		const worker = await page.evaluate(
			() => (window as unknown as { __dmLivePlan: Record<string, unknown> }).__dmLivePlan
		)

		console.log('(b) frame times while drawing, outline open and closed…')
		const moving = { open: [] as number[], closed: [] as number[] }
		const dragging = { open: [] as number[], closed: [] as number[] }
		for (let round = 0; round < (only.includes('b') ? ROUNDS : 0); round++) {
			for (const state of ['open', 'closed'] as const) {
				await setOutlineOpen(page, state === 'open')
				await page.waitForTimeout(2000)
				moving[state].push(...(await framesWhileMoving(page)))
				await page.waitForTimeout(1000)
				dragging[state].push(...(await framesWhileDragging(page)))
				console.log(
					`  round ${round + 1}, outline ${state}: moving p50 ${ms(quantile(moving[state], 0.5))}, dragging p50 ${ms(quantile(dragging[state], 0.5))}`
				)
			}
		}

		console.log('(c) opening the Plan tab…')
		const open = only.includes('c') ? await benchOpen(page) : []

		const row = (name: string, v: number[], budget: string) =>
			`| ${name} | ${ms(quantile(v, 0.5))} | ${ms(quantile(v, 0.95))} | ${v.length} | ${budget} |`
		const table = [
			'| figure | median | p95 | samples | budget |',
			'|---|---|---|---|---|',
			row('(a) the change itself: editor.updateShape, outline closed', bare, ''),
			row('(a) the same change in plain tldraw 5.4.2 (no sync, no panels)', plain, ''),
			row('(a) the change → next frame (canvas on screen), outline closed', bareFrame, ''),
			row('(a) the same in plain tldraw 5.4.2', plainFrame, ''),
			row('(a) local change → outline DOM updated', local.dom, ''),
			row('(a) local change → next frame (on screen)', local.painted, '≤ 50 ms median'),
			row('(a) remote change (other page, via relay) → next frame', remote.painted, ''),
			row('(b) frame time, 50 shapes moving at 20 Hz, outline open', moving.open, 'same as closed'),
			row('(b) frame time, 50 shapes moving at 20 Hz, outline closed', moving.closed, ''),
			row('(b) frame time, pointer drag, outline open', dragging.open, 'same as closed'),
			row('(b) frame time, pointer drag, outline closed', dragging.closed, ''),
			row('(c) open the Plan tab → first milestone row', open, ''),
		].join('\n')
		console.log('\n' + table + '\n')
		const workerLine = `Worker, last extraction: extractPlan ${ms(Number(worker.workerExtractMs))}, extract + diff ${ms(Number(worker.workerTotalMs))}; applying the patch on the page ${Number(worker.applyMs).toFixed(1)} ms.`
		console.log(workerLine)
		if (only !== 'abc') return
		const when = new Date().toISOString().slice(0, 16).replace('T', ' ')
		writeFileSync(
			join(root, 'client/outline/PERFORMANCE.md'),
			`# Plan outline performance\n\nMeasured with \`npm run bench:outline\` (bench/outline.bench.ts) on ${when} UTC: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, Debian Chromium headless${quick ? ', quick mode' : ''}, the built client served by the relay. The map: ${SHAPES.toLocaleString('en')} shapes (10 stages, 1,108 milestones, enablers and blockers, 1,666 bound arrows; bench/outlineMapRecords.ts).\n\n${table}\n\n- ${workerLine}\n- (a) alternates a title change and an owner change of a milestone shown in the outline, ${CHANGES} changes, 300 ms apart; "next frame" is the first animation frame after the outline's DOM changed. Remote: the change is made in a second page of the same browser (its outline closed) and reaches the observer through the relay; times are Date.now() in both pages.\n- (b) ${FRAME_SECONDS} s per run, ${ROUNDS} rounds alternating open and closed: 50 shapes of the first stage moved by editor.updateShapes every 50 ms, then a milestone dragged with the mouse.\n`
		)
		console.log('wrote client/outline/PERFORMANCE.md')
	} finally {
		await browser.close()
		await relay.close()
		bareServer.close()
		rmSync(dataDir, { recursive: true, force: true })
	}
}

await main()
// Exit once the figures are written: Vite's build of the bare page leaves handles (its esbuild
// service) that would otherwise keep the process waiting.
process.exit(0)
