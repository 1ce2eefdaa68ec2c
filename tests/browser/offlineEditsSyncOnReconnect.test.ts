import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	screenshotPath,
	shapeProps,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'

describe('editing offline', () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		await alice.page.evaluate(() => {
			window.editor!.createShape({
				id: 'shape:keep' as never,
				type: 'milestone',
				x: 80,
				y: 80,
				props: { title: 'Before the Wi-Fi dropped' },
			})
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:keep'),
			(p) => p !== null,
			'Bob has the first shape'
		)
	})

	it('tells the person they are offline and that changes are kept on the device', async () => {
		await alice.context.setOffline(true)
		const badge = alice.page.getByTestId('connection')
		await badge.filter({ hasText: 'changes are saved on this device and will sync' }).waitFor()
		await alice.page.screenshot({ path: screenshotPath('canvas-offline') })
	})

	it('sends every edit made offline to the other page on reconnect', async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.createShape({
				id: 'shape:off1' as never,
				type: 'enabler',
				x: 80,
				y: 320,
				props: { service: 'finance', contribution: 'Budget line for the pilot' },
			})
			editor.createShape({
				id: 'shape:off2' as never,
				type: 'blocker',
				x: 420,
				y: 320,
				props: { title: 'Procurement freeze', severity: 'high' },
			})
			editor.updateShape({
				id: 'shape:keep' as never,
				type: 'milestone',
				props: { title: 'Edited while offline', rag: 'amber' },
			})
		})
		await alice.page.waitForTimeout(1500)
		expect(await shapeProps(bob.page, 'shape:off1')).toBeNull()

		await alice.context.setOffline(false)
		await waitForConnected(alice.page)
		await eventually(
			() => shapeProps(bob.page, 'shape:off1'),
			(p) => p?.contribution === 'Budget line for the pilot',
			'Bob has the enabler'
		)
		await eventually(
			() => shapeProps(bob.page, 'shape:off2'),
			(p) => p?.severity === 'high',
			'Bob has the blocker'
		)
		await eventually(
			() => shapeProps(bob.page, 'shape:keep'),
			(p) => p?.title === 'Edited while offline' && p?.rag === 'amber',
			'Bob has the retitle'
		)
	})
})
