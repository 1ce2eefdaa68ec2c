import { mkdirSync, writeFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { movedShapeIds } from './clientMapRecords'
import {
	measureFrames,
	median,
	newContext,
	quantile,
	sidePanelState,
	timeToShapes,
	type SidePanel,
} from './clientBenchPages'

/**
 * (b) of `npm run bench:client`: frame times of an observer while a peer moves 50 shapes at 20 Hz,
 * against the bare tldraw page moving the same shapes itself. The runs are interleaved (bare,
 * observer, observer with the side panel folded; again, `rounds` times) and their frames pooled,
 * so that load from other work on the machine falls on every page alike.
 */

export interface FrameStats {
	median: number
	p95: number
	frames: number
	/** Share of frames longer than 20 ms (at 60 Hz: at least one frame late). */
	late: number
}

export interface FrameFigures {
	bare: FrameStats
	/** The map page as people get it (side panel open on its first tab). */
	observer: FrameStats
	/** The map page with the side panel folded: the canvas and the sync layer alone. */
	observerFolded: FrameStats
	/** What the side panel showed in each kind of observer run. */
	sidePanels: { observer: string; observerFolded: string }
	steps: number
	changesSeen: number
}

export interface FrameBenchOptions {
	bareUrl: string
	roomUrl: string
	wsUrl: string
	roomId: string
	shapes: number
	seconds: number
	rounds: number
	/** Print a CPU profile of the first round's bare page and observer. */
	profiling: boolean
}

const statsOf = (frames: number[]): FrameStats => ({
	median: median(frames),
	p95: quantile(frames, 0.95),
	frames: frames.length,
	late: frames.filter((f) => f > 20).length / frames.length,
})

/** Moves the benchmark's 50 shapes back and forth 20 times a second, in the page, for `seconds`. */
function moveShapes([ids, seconds]: [string[], number]): Promise<number> {
	return new Promise((resolve) => {
		const editor = (
			window as unknown as {
				editor: {
					updateShapes(p: unknown[]): void
					getShape(id: string): { x: number; type: string } | undefined
				}
			}
		).editor
		let step = 0
		const timer = setInterval(() => {
			step++
			editor.updateShapes(
				ids.map((id) => {
					const shape = editor.getShape(id)!
					return { id, type: shape.type, x: shape.x + (step % 2 === 0 ? 12 : -12) }
				})
			)
		}, 50)
		setTimeout(() => {
			clearInterval(timer)
			resolve(step)
		}, seconds * 1000)
	})
}

/**
 * Puts both pages at the same working view: tldraw's default camera (the page's origin at 100 %),
 * where the 50 moved shapes are on screen. Both open framed (the whole map, as the app shows a map
 * opened by its link), which at 5,000 shapes draws every card in every frame, the bare page's too
 * (its median frame was 117 ms): that measures drawing the whole map, not what sync adds.
 */
async function atWorkingView(page: Page) {
	await page.evaluate(() => {
		window.editor!.setCamera({ x: 0, y: 0, z: 1 }, { immediate: true })
	})
}

async function bareRun(browser: Browser, options: FrameBenchOptions, profile: boolean) {
	const ids = movedShapeIds(50)
	const context = await newContext(browser, options.shapes)
	const page = await context.newPage()
	await timeToShapes(page, options.bareUrl)
	await atWorkingView(page)
	await page.waitForTimeout(1000)
	const cdp = profile ? await context.newCDPSession(page) : null
	if (cdp) {
		await cdp.send('Profiler.enable')
		await cdp.send('Profiler.start')
	}
	const [frames] = await Promise.all([
		page.evaluate(measureFrames, options.seconds),
		page.evaluate(moveShapes, [ids, options.seconds] as [string[], number]),
	])
	if (cdp) {
		console.log('  bare page profile:')
		printProfile((await cdp.send('Profiler.stop')).profile, 'bare')
	}
	await context.close()
	return frames
}

/**
 * The peer is a stock y-websocket client in this process, writing the contract layout, so the
 * observer page shares the machine with the relay only (as a real participant's browser would).
 */
async function observerRun(
	browser: Browser,
	options: FrameBenchOptions,
	sidePanel: SidePanel,
	profile: boolean
) {
	const ids = movedShapeIds(50)
	const context = await newContext(browser, options.shapes, sidePanel)
	const observer = await context.newPage()
	await timeToShapes(observer, options.roomUrl)
	await observer
		.getByTestId('connection')
		.filter({ hasText: 'Connected' })
		.waitFor({ timeout: 60_000 })
	await atWorkingView(observer)
	const panel = await sidePanelState(observer)
	const peerDoc = new Y.Doc()
	const peer = new WebsocketProvider(options.wsUrl, options.roomId, peerDoc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	await new Promise<void>((ok) => peer.once('sync', () => ok()))
	await observer.waitForTimeout(1000)
	// Counts, in the page, the peer's steps that reached the observer's store (first moved shape).
	await observer.evaluate((id) => {
		const w = window as unknown as { benchChangesSeen: number }
		w.benchChangesSeen = 0
		let last = window.editor!.getShape(id as never)!.x
		window.editor!.store.listen(
			() => {
				const x = window.editor!.getShape(id as never)!.x
				if (x !== last) {
					last = x
					w.benchChangesSeen++
				}
			},
			{ source: 'remote', scope: 'document' }
		)
	}, ids[0]!)
	const records = peerDoc.getMap('records') as Y.Map<Y.Map<unknown>>
	let steps = 0
	const timer = setInterval(() => {
		steps++
		peerDoc.transact(() => {
			for (const id of ids) {
				const record = records.get(id)!
				record.set('x', (record.get('x') as number) + (steps % 2 === 0 ? 12 : -12))
			}
		})
	}, 50)
	const cdp = profile ? await context.newCDPSession(observer) : null
	if (cdp) {
		await cdp.send('Profiler.enable')
		await cdp.send('Profiler.start')
	}
	const tracing = process.env.BENCH_TRACE === '1'
	if (tracing) {
		await browser.startTracing(observer, {
			path: `test-artifacts/trace-observer-${sidePanel}.json`,
			categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
		})
	}
	const frames = await observer.evaluate(measureFrames, options.seconds)
	if (tracing) await browser.stopTracing()
	clearInterval(timer)
	if (cdp) {
		console.log(`  observer profile (side panel ${panel}):`)
		printProfile((await cdp.send('Profiler.stop')).profile, `observer-${sidePanel}`)
	}
	await observer.waitForTimeout(500)
	const changesSeen = await observer.evaluate(
		() => (window as unknown as { benchChangesSeen: number }).benchChangesSeen
	)
	// The side panel's live plan says what it cost, when it ran (client/plan/useLivePlan.ts).
	const livePlan = await observer.evaluate(() => {
		const stats = (
			window as unknown as {
				__dmLivePlan?: { answers?: number; workerTotalMs?: number; inWorker?: boolean }
			}
		).__dmLivePlan
		return stats
			? `live plan: ${stats.answers ?? '?'} answers, last ${Math.round(stats.workerTotalMs ?? NaN)} ms in ${stats.inWorker ? 'a worker' : 'the page'}`
			: 'no live plan'
	})
	peer.destroy()
	peerDoc.destroy()
	await context.close()
	return { frames, steps, changesSeen, panel, livePlan }
}

export async function benchFrames(
	browser: Browser,
	options: FrameBenchOptions
): Promise<FrameFigures> {
	const bare: number[] = []
	const observer: number[] = []
	const folded: number[] = []
	const panels = { observer: new Set<string>(), observerFolded: new Set<string>() }
	let steps = 0
	let changesSeen = 0
	const p95 = (frames: number[]) => Math.round(quantile(frames, 0.95))
	for (let round = 0; round < options.rounds; round++) {
		const profile = options.profiling && round === 0
		const b = await bareRun(browser, options, profile)
		bare.push(...b)
		const o = await observerRun(browser, options, 'as-users-get-it', profile)
		observer.push(...o.frames)
		panels.observer.add(o.panel)
		const f = await observerRun(browser, options, 'folded', profile)
		folded.push(...f.frames)
		panels.observerFolded.add(f.panel)
		steps += o.steps + f.steps
		changesSeen += o.changesSeen + f.changesSeen
		console.log(
			`  round ${round + 1}: p95 bare ${p95(b)} ms, observer ${p95(o.frames)} ms (side panel ${o.panel}; ${o.livePlan}), folded ${p95(f.frames)} ms (${f.panel}; ${f.livePlan})`
		)
	}
	return {
		bare: statsOf(bare),
		observer: statsOf(observer),
		observerFolded: statsOf(folded),
		sidePanels: {
			observer: [...panels.observer].join(', '),
			observerFolded: [...panels.observerFolded].join(', '),
		},
		steps,
		changesSeen,
	}
}

interface CpuProfile {
	nodes: Array<{
		id: number
		callFrame: { functionName: string; url: string; lineNumber: number }
		children?: number[]
	}>
	samples?: number[]
	timeDeltas?: number[]
}

/**
 * Prints the functions with the most self time, then with the most total (inclusive) time, and
 * keeps the whole profile in test-artifacts/ (open it in Chromium's DevTools, Performance panel).
 */
function printProfile(profile: CpuProfile, name: string) {
	mkdirSync('test-artifacts', { recursive: true })
	writeFileSync(`test-artifacts/profile-${name}.cpuprofile`, JSON.stringify(profile))
	const byId = new Map(profile.nodes.map((n) => [n.id, n]))
	const parentOf = new Map<number, number>()
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parentOf.set(child, node.id)
	const nameOf = (id: number) => {
		const frame = byId.get(id)!.callFrame
		return `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
	}
	const self = new Map<string, number>()
	const total = new Map<string, number>()
	;(profile.samples ?? []).forEach((id, i) => {
		const delta = profile.timeDeltas?.[i] ?? 0
		self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + delta)
		// Each function on the sampled stack once, however deep it recursed.
		const seen = new Set<string>()
		for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
			seen.add(nameOf(at))
		for (const name of seen) total.set(name, (total.get(name) ?? 0) + delta)
	})
	const print = (title: string, times: Map<string, number>) => {
		const top = [...times.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)
		console.log(`  ${title}:`)
		console.log(
			top
				.map(([name, micros]) => `  ${(micros / 1000).toFixed(0).padStart(6)} ms  ${name}`)
				.join('\n')
		)
	}
	print('self time', self)
	print('total time', total)
}
