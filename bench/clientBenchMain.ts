/**
 * `npm run bench:client` (entry: client.bench.ts): what the sync layer costs in the browser, each figure beside plain
 * tldraw 5.4.2 doing the same work in the same headless Chromium in the same run (a bare page with
 * the same shape utils and records, and no Yjs, IndexedDB or relay: bench/clientBare/).
 *
 * (a) open a 5,000-shape map until the first frame that shows shapes: from IndexedDB, and from
 *     the relay with an empty local store, against the bare page putting the records on mount.
 * (b) an observer's frame times (median, p95) while a peer moves 50 shapes at 20 Hz, against the
 *     bare page applying the same moves locally.
 * (c) the encoded document after 100,000 field edits (one Y transaction each, through the real
 *     binding), against a freshly written document with the same content.
 *
 * Writes the figures to client/PERFORMANCE.md. BENCH_QUICK=1 for fewer, shorter runs.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from 'playwright-core'
import { createTLStore, defaultBindingUtils, type TLRecord } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { mapShapeUtils } from '../client/shapes/customShapeUtils'
import { recordToYMap, type PlainRecord } from '../client/sync/yRecords'
import { newRoomId } from '../shared/roomId'
import { createRelay } from '../sync-server/createRelay'
import {
	CHROMIUM_ARGS,
	median,
	newContext,
	timeToShapes,
	waitForSettledDeviceCopy,
} from './clientBenchPages'
import { buildBarePage, serveFolder, urlOf } from './clientBarePage'
import { benchDocSize } from './clientDocSize'
import { benchFrames, type FrameFigures } from './clientFrames'
import { clientMapRecords } from './clientMapRecords'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const quick = process.env.BENCH_QUICK === '1'
const SHAPES = 5000
const OPEN_RUNS = quick ? 2 : 5
const MOVE_SECONDS = quick ? 3 : 8
/** (b) alternates bare and observer pages this many times, so load from elsewhere hits both. */
const FRAME_ROUNDS = quick ? 1 : 3
const FIELD_EDITS = quick ? 20_000 : 100_000
/** BENCH_ONLY=b (or ab, c...) runs only those parts, for investigating; the file is not written. */
const only = process.env.BENCH_ONLY ?? 'abc'
/**
 * BENCH_PROFILE=1 prints where the observer's main thread spends its time in (b), and keeps the
 * profiles in test-artifacts/; BENCH_TRACE=1 keeps a Chromium trace of each observer run there
 * (style, layout, paint and raster: what a JavaScript profile cannot show).
 */
const profiling = process.env.BENCH_PROFILE === '1'

const ms = (v: number) => `${Math.round(v)} ms`
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)} ×`
const pct = (share: number) => `${(share * 100).toFixed(1)} %`

function schemaOfTheApp() {
	return createTLStore({
		shapeUtils: mapShapeUtils,
		bindingUtils: defaultBindingUtils,
	}).schema.serialize()
}

/**
 * Builds the app and the bare page into temporary folders. The app is not built into dist/: other
 * engineers' browser tests build and serve dist/ from the same tree at the same time.
 */
async function buildPages(): Promise<{ appOut: string; bareOut: string }> {
	const appOut = mkdtempSync(join(tmpdir(), 'dm-app-'))
	const args = ['build', '--outDir', appOut, '--emptyOutDir']
	if (profiling) args.push('--minify', 'false')
	execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), ...args], {
		cwd: root,
		stdio: 'pipe',
		env: { ...process.env, NODE_ENV: 'production' },
	})
	const bareOut = await buildBarePage(!profiling)
	return { appOut, bareOut }
}

/** Writes the benchmark map into a room through a stock y-websocket client, in batches. */
async function seedRoom(wsUrl: string, roomId: string, records: TLRecord[]) {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(wsUrl, roomId, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	await new Promise<void>((ok) => provider.once('sync', () => ok()))
	const map = doc.getMap('records')
	doc.transact(() => {
		doc.getMap('meta').set('schema', schemaOfTheApp())
		map.set(
			'document:document',
			recordToYMap({
				id: 'document:document',
				typeName: 'document',
				gridSize: 10,
				name: '',
				meta: {},
			})
		)
		map.set(
			'page:page',
			recordToYMap({ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} })
		)
	})
	for (let i = 0; i < records.length; i += 250) {
		doc.transact(() => {
			for (const record of records.slice(i, i + 250))
				map.set(record.id, recordToYMap(record as unknown as PlainRecord))
		})
	}
	// Wait until the relay has everything (its state vector matches ours).
	await new Promise((r) => setTimeout(r, 2000))
	provider.destroy()
	doc.destroy()
}

async function benchOpen(browser: Browser, bareUrl: string, roomUrl: string, roomId: string) {
	const bare: number[] = []
	const fromRelay: number[] = []
	const fromDevice: number[] = []
	for (let run = 0; run < OPEN_RUNS; run++) {
		const b = await newContext(browser, SHAPES)
		bare.push(await timeToShapes(await b.newPage(), bareUrl))
		await b.close()

		const c = await newContext(browser, SHAPES)
		const page = await c.newPage()
		fromRelay.push(await timeToShapes(page, roomUrl))
		// Let the save and its compaction finish, then open again: now from this device.
		const settled = await waitForSettledDeviceCopy(page, `edit:${roomId}`)
		fromDevice.push(await timeToShapes(page, roomUrl))
		await c.close()
		console.log(
			`  open run ${run + 1}: bare ${ms(bare.at(-1)!)}, relay ${ms(fromRelay.at(-1)!)}, IndexedDB ${ms(fromDevice.at(-1)!)} (copy settled after ${ms(settled)})`
		)
	}
	return { bare: median(bare), fromRelay: median(fromRelay), fromDevice: median(fromDevice) }
}

const FIGURES_START = '<!-- bench:client figures start -->'
const FIGURES_END = '<!-- bench:client figures end -->'

/**
 * Replaces the generated figures in client/PERFORMANCE.md, between its two markers, and keeps the
 * hand-written reading of them below.
 */
function writePerformanceFigures(path: string, figures: string) {
	const block = `${FIGURES_START}\n\n${figures}\n\n${FIGURES_END}`
	const current = existsSync(path) ? readFileSync(path, 'utf8') : ''
	const start = current.indexOf(FIGURES_START)
	const end = current.indexOf(FIGURES_END)
	const next =
		start >= 0 && end > start
			? current.slice(0, start) + block + current.slice(end + FIGURES_END.length)
			: `# Client performance\n\n${block}\n`
	writeFileSync(path, next)
}

async function main() {
	console.log(
		`bench:client on ${cpus().length} cores, Node ${process.version}${quick ? ' (quick)' : ''}`
	)
	console.log('(c) document size after field edits…')
	const size = only.includes('c')
		? benchDocSize(SHAPES, FIELD_EDITS)
		: { edited: NaN, fresh: NaN, editSeconds: NaN, same: false }
	console.log(
		`  ${FIELD_EDITS} edits in ${size.editSeconds.toFixed(1)} s; edited ${size.edited} B, fresh ${size.fresh} B, same content: ${size.same}`
	)

	console.log('building the app and the bare page…')
	const { appOut, bareOut } = await buildPages()
	const bareServer = await serveFolder(bareOut)
	// Framed as the app frames a map opened by its link (see bench/clientBare/main.tsx).
	const bareUrl = `${urlOf(bareServer)}/?shapes=${SHAPES}&frame=1`
	const dataDir = mkdtempSync(join(tmpdir(), 'dm-bench-'))
	const relay = await createRelay({
		port: 0,
		host: '127.0.0.1',
		dataDir,
		staticDir: appOut,
		logLevel: 'silent',
	})
	const roomId = newRoomId()
	const browser = await chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	})
	try {
		await seedRoom(relay.url.replace('http:', 'ws:') + '/sync', roomId, clientMapRecords(SHAPES))
		const roomUrl = `${relay.url}/r/${roomId}`
		console.log('(a) opening a 5,000-shape map…')
		const open = only.includes('a')
			? await benchOpen(browser, bareUrl, roomUrl, roomId)
			: { bare: NaN, fromRelay: NaN, fromDevice: NaN }
		console.log('(b) frame times while 50 shapes move at 20 Hz…')
		const nothing = { median: NaN, p95: NaN, frames: 0, late: NaN }
		const frames: FrameFigures = only.includes('b')
			? await benchFrames(browser, {
					bareUrl,
					roomUrl,
					wsUrl: relay.url.replace('http:', 'ws:') + '/sync',
					roomId,
					shapes: SHAPES,
					seconds: MOVE_SECONDS,
					rounds: FRAME_ROUNDS,
					profiling,
				})
			: {
					bare: nothing,
					observer: nothing,
					observerFolded: nothing,
					sidePanels: { observer: '', observerFolded: '' },
					steps: 0,
					changesSeen: 0,
				}

		const rows = [
			[
				'(a) open, first frame with shapes, from IndexedDB',
				ms(open.fromDevice),
				ms(open.bare),
				ratio(open.fromDevice, open.bare),
				'≤ 1.25 ×',
			],
			[
				'(a) open, first frame with shapes, from the relay (empty local store)',
				ms(open.fromRelay),
				ms(open.bare),
				ratio(open.fromRelay, open.bare),
				'≤ 1.5 ×',
			],
			[
				`(b) observer frame time, median (side panel ${frames.sidePanels.observer})`,
				ms(frames.observer.median),
				ms(frames.bare.median),
				ratio(frames.observer.median, frames.bare.median),
				'≤ 1.1 ×',
			],
			[
				`(b) observer frame time, p95 (side panel ${frames.sidePanels.observer})`,
				ms(frames.observer.p95),
				ms(frames.bare.p95),
				ratio(frames.observer.p95, frames.bare.p95),
				'≤ 1.1 ×',
			],
			[
				'(b) observer frame time, median, side panel folded',
				ms(frames.observerFolded.median),
				ms(frames.bare.median),
				ratio(frames.observerFolded.median, frames.bare.median),
				'≤ 1.1 ×',
			],
			[
				'(b) observer frame time, p95, side panel folded',
				ms(frames.observerFolded.p95),
				ms(frames.bare.p95),
				ratio(frames.observerFolded.p95, frames.bare.p95),
				'≤ 1.1 ×',
			],
			[
				`(c) encoded document after ${FIELD_EDITS.toLocaleString('en')} field edits`,
				`${(size.edited / 1024).toFixed(0)} KiB`,
				`${(size.fresh / 1024).toFixed(0)} KiB (fresh)`,
				ratio(size.edited, size.fresh),
				'≤ 2 × + 1 MB',
			],
		]
		const budgetC = size.edited <= 2 * size.fresh + 1024 * 1024
		const table = [
			'| figure | Delivery Map | bare tldraw 5.4.2 | ratio | budget |',
			'|---|---|---|---|---|',
			...rows.map((r) => `| ${r.join(' | ')} |`),
		].join('\n')
		console.log('\n' + table + '\n')
		const framesNote = `${frames.steps} steps in all; the observers' stores saw ${frames.changesSeen} changes of the first shape; frames measured: bare ${frames.bare.frames}, observer ${frames.observer.frames}, observer with the side panel folded ${frames.observerFolded.frames}; frames over 20 ms (late): bare ${pct(frames.bare.late)}, observer ${pct(frames.observer.late)}, folded ${pct(frames.observerFolded.late)}`
		console.log(`(b) ${framesNote}`)
		console.log(`(c) within budget: ${budgetC}`)

		if (only !== 'abc') return
		const when = new Date().toISOString().slice(0, 16).replace('T', ' ')
		const figures = `Measured with \`npm run bench:client\` (bench/client.bench.ts) on ${when} UTC: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, Debian Chromium headless${quick ? ', quick mode' : ''}. Each figure is the median of ${OPEN_RUNS} runs for (a); (b) pools ${FRAME_ROUNDS} interleaved rounds of ${MOVE_SECONDS} s per page (bare, observer, observer with the side panel folded). The baseline is plain tldraw 5.4.2 in the same browser in the same run, with the same shape utils and the same ${SHAPES.toLocaleString('en')} records put into the store on mount, and no sync (bench/clientBare/). Service workers are blocked in both, so both load their code from the network.\n\n${table}\n\n- (a) is measured from navigation to the first animation frame after the shapes are in the DOM. From the relay, the page first opens the (empty) local copy, mounts, then receives the whole map in one sync message.\n- (b) a peer (a stock y-websocket client in the benchmark process, writing the Y.Doc layout the app writes) moved 50 on-screen shapes every 50 ms, one transaction per step (${framesNote}). The observer is the app in the browser, receiving through the relay on the same machine, first as people get the map page (the side panel open on its first tab), then with the side panel folded (the canvas and the sync layer alone). The bare page applies the same moves itself with \`editor.updateShapes\`.\n- (c) every edit is its own Y transaction (the worst case: a browser batches a frame's edits into one), through the real binding (client/sync/YStoreBinding.ts): half moves, 30 % retitles, 20 % owner changes. Same content as the fresh document: ${size.same}. The IndexedDB copy and the relay's snapshot are this same encoding.`
		writePerformanceFigures(join(root, 'client/PERFORMANCE.md'), figures)
		console.log('wrote client/PERFORMANCE.md')
	} finally {
		await browser.close()
		await relay.close()
		bareServer.close()
		rmSync(dataDir, { recursive: true, force: true })
		rmSync(bareOut, { recursive: true, force: true })
		rmSync(appOut, { recursive: true, force: true })
	}
}

await main()
