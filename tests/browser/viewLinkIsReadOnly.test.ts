import { beforeAll, describe, expect, it } from 'vitest'
import { newRoomId } from '../../shared/roomId'
import {
	eventually,
	launchBrowser,
	joinMap,
	openPage,
	screenshotPath,
	shapeProps,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'

describe('a view link', () => {
	let alice: TrackedPage
	let viewer: TrackedPage
	let viewUrl: string

	beforeAll(async () => {
		const relay = await startRelayWithClient()
		const browser = await launchBrowser()
		alice = await openPage(browser)
		viewer = await openPage(browser)
		await alice.context.grantPermissions(['clipboard-read', 'clipboard-write'])
		await joinMap(alice, `${relay.url}/r/${newRoomId()}`, 'Alice')
		await waitForConnected(alice.page)
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:stage' as never,
				type: 'frame',
				x: 0,
				y: 0,
				props: { w: 1100, h: 520, name: 'Stage 1: Plan' },
			})
			editor.createShape({
				id: 'shape:m' as never,
				type: 'milestone',
				parentId: 'shape:stage' as never,
				x: 60,
				y: 80,
				props: { title: 'Council approves the pilot', owner: 'Jo', rag: 'green' },
			})
			editor.createShape({
				id: 'shape:b' as never,
				type: 'blocker',
				parentId: 'shape:stage' as never,
				x: 500,
				y: 80,
				props: { title: 'Cabinet meets only monthly', kind: 'approval' },
			})
			editor.zoomToFit()
		})

		// The share dialog gives the view link.
		await alice.page.getByRole('button', { name: 'Share' }).click()
		const viewInput = alice.page.getByLabel('View link: watch only, cannot change anything')
		await eventually(
			() => viewInput.inputValue(),
			(v) => v.includes('/v/'),
			'the view link is loaded'
		)
		viewUrl = await viewInput.inputValue()
		await alice.page.getByRole('button', { name: 'Copy' }).nth(1).click()
		// The click only starts navigator.clipboard.writeText (ShareDialog's copy, a promise the
		// click does not wait for): wait for the link itself on the clipboard.
		const copied = await eventually(
			() => alice.page.evaluate(() => navigator.clipboard.readText()),
			(text) => text === viewUrl,
			'the view link is on the clipboard'
		)
		expect(copied).toBe(viewUrl)
		await alice.page.screenshot({ path: screenshotPath('share-dialog') })
		await alice.page.getByRole('button', { name: 'Done' }).click()

		// As a dialog should: the focus moves into it, Tab stays inside, Escape closes it and the
		// focus goes back to the Share button.
		await alice.page.getByRole('button', { name: 'Share' }).click()
		const share = alice.page.getByRole('dialog', { name: 'Share this map' })
		await share.waitFor()
		const focusInDialog = () =>
			alice.page.evaluate(
				() => document.querySelector('.dm-share')?.contains(document.activeElement) ?? false
			)
		expect(await focusInDialog()).toBe(true)
		for (let i = 0; i < 6; i++) await alice.page.keyboard.press('Tab')
		expect(await focusInDialog()).toBe(true)
		await alice.page.keyboard.press('Escape')
		await share.waitFor({ state: 'detached' })
		expect(await alice.page.evaluate(() => document.activeElement?.textContent)).toBe('Share')
	})

	it('shows everything the editors drew, and says it is view only', async () => {
		await joinMap(viewer, viewUrl, 'Watcher')
		await eventually(
			() => shapeProps(viewer.page, 'shape:m'),
			(p) => p?.title === 'Council approves the pilot',
			'the viewer sees the milestone'
		)
		await viewer.page.getByTestId('readonly-banner').waitFor()
		expect(await viewer.page.evaluate(() => window.editor!.getIsReadonly())).toBe(true)
		await viewer.page.evaluate(() => {
			window.editor!.zoomToFit()
		})
		await viewer.page.waitForTimeout(300)
		await viewer.page.screenshot({ path: screenshotPath('canvas-view') })
	})

	it('follows live edits', async () => {
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:m' as never,
				type: 'milestone',
				props: { rag: 'red' },
			})
		})
		await eventually(
			() => shapeProps(viewer.page, 'shape:m'),
			(p) => p?.rag === 'red',
			'the viewer sees the change'
		)
	})

	it('cannot change anything, with the tools or by script', async () => {
		// The milestone tool's shortcut and a click on the canvas create nothing.
		await viewer.page.mouse.click(700, 650)
		await viewer.page.keyboard.press('m')
		await viewer.page.mouse.click(700, 650)
		await viewer.page.keyboard.press('Delete')
		// Even a script on the view page cannot get a change to the others.
		await viewer.page.evaluate(() => {
			const editor = window.editor!
			editor.run(() => editor.deleteShapes(['shape:b' as never]), { ignoreShapeLock: true })
			const shape = editor.getShape('shape:m' as never)!
			editor.store.put([{ ...shape, x: 999 }])
		})
		await alice.page.waitForTimeout(1500)
		expect(await shapeProps(alice.page, 'shape:b')).not.toBeNull()
		expect(await shapeProps(alice.page, 'shape:m')).toMatchObject({ x: 60 })
		const aliceShapes = await alice.page.evaluate(
			() => window.editor!.getCurrentPageShapes().length
		)
		expect(aliceShapes).toBe(3)
	})
})
