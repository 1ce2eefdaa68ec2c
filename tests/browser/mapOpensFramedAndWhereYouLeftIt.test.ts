import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import {
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	screenshotPath,
	startRelayWithClient,
	waitForConnected,
	waitForEditor,
	type TrackedPage,
} from './browserHelpers'

/** A stage far from the page's origin, where tldraw's default camera (0, 0, 100 %) shows nothing. */
const STAGE = { x: 3000, y: 2000, w: 1200, h: 700 }

type Camera = { x: number; y: number; z: number }

/** What part of the map a page shows, and how the stage's box lies in it. */
function view(page: Page) {
	return page.evaluate((stage) => {
		const editor = window.editor!
		const { x, y, z } = editor.getCamera()
		const shown = editor.getViewportPageBounds()
		const left = Math.max(shown.minX, stage.x)
		const right = Math.min(shown.maxX, stage.x + stage.w)
		const top = Math.max(shown.minY, stage.y)
		const bottom = Math.min(shown.maxY, stage.y + stage.h)
		const overlap = Math.max(0, right - left) * Math.max(0, bottom - top)
		return {
			camera: { x, y, z },
			// The share of the window's canvas that the stage fills.
			stageShare: overlap / (shown.w * shown.h),
			stageShownWholeHeight: top <= stage.y + 0.5 && bottom >= stage.y + stage.h - 0.5,
		}
	}, STAGE)
}

describe('a map opened by its link', () => {
	let browser: Browser
	let roomUrl: string
	let viewUrl: string
	let alice: TrackedPage

	beforeAll(async () => {
		const relay = await startRelayWithClient()
		browser = await launchBrowser()
		const editId = newRoomId()
		roomUrl = `${relay.url}/r/${editId}`
		const links = (await (await fetch(`${relay.url}/api/rooms/${editId}/links`)).json()) as {
			viewId: string
		}
		viewUrl = `${relay.url}/v/${links.viewId}`
		alice = await openPage(browser)
		await joinMap(alice, roomUrl, 'Alice')
		await waitForConnected(alice.page)
		await alice.page.evaluate((stage) => {
			const editor = window.editor!
			editor.createShapes([
				{
					id: 'shape:stage' as never,
					type: 'frame',
					x: stage.x,
					y: stage.y,
					props: { w: stage.w, h: stage.h, name: 'Deliver' },
				},
				{
					id: 'shape:m1' as never,
					type: 'milestone',
					parentId: 'shape:stage' as never,
					x: 60,
					y: 80,
					props: { title: 'Residents can apply online' },
				},
			])
		}, STAGE)
	})

	/** Someone new opens the edit link on a laptop; resolves once the stage is shown whole. */
	async function joinAndSeeTheStage(name: string) {
		const person = await openPage(browser)
		await joinMap(person, roomUrl, name)
		await waitForConnected(person.page)
		const shown = await eventually(
			() => view(person.page),
			(v) => v.stageShownWholeHeight,
			`${name} sees the stage`
		)
		return { person, shown }
	}

	it('on a device that has never opened it is framed when the map arrives, not left at the origin', async () => {
		const { person: bob, shown } = await joinAndSeeTheStage('Bob')
		expect(shown.stageShare).toBeGreaterThan(0.3)
		// Readable: a whole stage at the zoom of a new map, not a speck in an overview.
		expect(shown.camera.z).toBeGreaterThanOrEqual(0.25)
		await bob.page.screenshot({ path: screenshotPath('opened-by-link-framed') })
		expect(bob.errors).toEqual([])
	})

	it('on a phone, by its view link, is framed too', async () => {
		const viewer = await openPage(browser, { device: 'phone' })
		await joinMap(viewer, viewUrl, 'Viewer')
		await waitForConnected(viewer.page)
		const shown = await eventually(
			() => view(viewer.page),
			(v) => v.stageShare > 0.3,
			'the viewer sees the stage'
		)
		expect(shown.camera.z).toBeGreaterThanOrEqual(0.25)
		await viewer.page.screenshot({ path: screenshotPath('opened-by-view-link-on-a-phone') })
	})

	it('opens again where this device left it, after a reload', async () => {
		const { person: carol } = await joinAndSeeTheStage('Carol')
		const moved: Camera = { x: -2950, y: -2100, z: 0.75 }
		// (In braces: setCamera returns the editor, which the page cannot always serialise back.)
		await carol.page.evaluate((camera) => {
			window.editor!.setCamera(camera)
		}, moved)
		// The view is remembered once it rests, and at the latest when the page goes away.
		await carol.page.reload()
		await waitForEditor(carol.page)
		await eventually(
			() => view(carol.page),
			(v) => v.camera.x === moved.x && v.camera.y === moved.y && v.camera.z === moved.z,
			"Carol's view is back where she left it"
		)
		// And it stays there: the first sync of the reloaded page does not frame it again.
		await waitForConnected(carol.page)
		await carol.page.waitForTimeout(1000)
		expect((await view(carol.page)).camera).toEqual(moved)
		expect(carol.errors).toEqual([])
	})

	it('without a remembered view, opens framed from the copy on this device', async () => {
		const { person: dana } = await joinAndSeeTheStage('Dana')
		// Once the app is cached and the map saved on this device, forget the view and go offline:
		// the map can then only come from this device's copy.
		await dana.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
			timeout: 30_000,
		})
		await dana.page.waitForTimeout(1500)
		await dana.page.evaluate(() => {
			for (const key of Object.keys(localStorage)) {
				if (key.startsWith('delivery-map:camera:')) localStorage.removeItem(key)
			}
		})
		await dana.context.setOffline(true)
		await dana.page.reload()
		await waitForEditor(dana.page)
		const shown = await eventually(
			() => view(dana.page),
			(v) => v.stageShownWholeHeight,
			'Dana sees the stage offline'
		)
		expect(shown.camera.z).toBeGreaterThanOrEqual(0.25)
		await dana.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
		await dana.context.setOffline(false)
		expect(dana.errors).toEqual([])
	})

	it('is not moved under someone who starts drawing before the map has arrived', async () => {
		const eve = await openPage(browser)
		// The relay's messages to Eve's page wait until released: her first sync is late.
		const held: Array<string | Buffer> = []
		let release: (() => void) | null = null
		await eve.context.routeWebSocket(/\/sync\//, (ws) => {
			const server = ws.connectToServer()
			ws.onMessage((message) => server.send(message))
			let holding = true
			server.onMessage((message) => (holding ? held.push(message) : ws.send(message)))
			release = () => {
				holding = false
				for (const message of held.splice(0)) ws.send(message)
			}
		})
		await joinMap(eve, roomUrl, 'Eve')
		await eventually(
			async () => release !== null,
			(ready) => ready,
			"Eve's page opens its connection"
		)
		const before = await eve.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:eve' as never,
				type: 'milestone',
				x: 100,
				y: 100,
				props: { title: 'Drawn before the map arrived' },
			})
			const { x, y, z } = editor.getCamera()
			return { x, y, z }
		})
		release!()
		await waitForConnected(eve.page)
		await eventually(
			() => eve.page.evaluate(() => window.editor!.getShape('shape:m1' as never) !== undefined),
			(arrived) => arrived,
			"the map arrives on Eve's page"
		)
		await eve.page.waitForTimeout(1000)
		expect((await view(eve.page)).camera).toEqual(before)
		expect(eve.errors).toEqual([])
	})
})
