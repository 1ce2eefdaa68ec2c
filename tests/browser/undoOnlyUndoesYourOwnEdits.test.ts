import { beforeAll, describe, expect, it } from 'vitest'
import {
	aliceAndBobInOneRoom,
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	shapeProps,
	type TrackedPage,
} from './browserHelpers'

describe('undo with two people', () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
	})

	it("undoes Alice's retitle with Ctrl+Z but leaves Bob's later move of the same shape", async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.markHistoryStoppingPoint('create')
			editor.createShape({
				id: 'shape:u1' as never,
				type: 'blocker',
				x: 100,
				y: 100,
				props: { title: 'Contract not signed' },
			})
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:u1'),
			(p) => p !== null,
			'Bob has the blocker'
		)
		await alice.page.waitForTimeout(1000)

		await alice.page.evaluate(() => {
			const editor = window.editor!
			editor.markHistoryStoppingPoint('retitle')
			editor.updateShape({
				id: 'shape:u1' as never,
				type: 'blocker',
				props: { title: 'Contract stuck in legal' },
			})
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:u1'),
			(p) => p?.title === 'Contract stuck in legal',
			'Bob sees the retitle'
		)
		await bob.page.evaluate(() => {
			const editor = window.editor!
			editor.markHistoryStoppingPoint('move')
			editor.updateShape({
				id: 'shape:u1' as never,
				type: 'blocker',
				x: 700,
				y: 420,
				props: { severity: 'high' },
			})
		})
		await eventually(
			() => shapeProps(alice.page, 'shape:u1'),
			(p) => p?.x === 700,
			'Alice sees the move'
		)

		// Alice presses Ctrl+Z on the canvas.
		await alice.page.mouse.click(640, 700)
		await alice.page.keyboard.press('Control+z')

		for (const side of [alice, bob]) {
			const after = await eventually(
				() => shapeProps(side.page, 'shape:u1'),
				(p) => p?.title === 'Contract not signed',
				"Alice's retitle is undone everywhere"
			)
			expect(after).toMatchObject({ x: 700, y: 420, severity: 'high' })
		}

		// Redo brings Alice's title back, and still leaves Bob's edits.
		await alice.page.keyboard.press('Control+Shift+z')
		for (const side of [alice, bob]) {
			const after = await eventually(
				() => shapeProps(side.page, 'shape:u1'),
				(p) => p?.title === 'Contract stuck in legal',
				"Alice's retitle is redone everywhere"
			)
			expect(after).toMatchObject({ x: 700, severity: 'high' })
		}
	})

	it("gives a newcomer nothing to undo, so their Ctrl+Z changes nobody else's work", async () => {
		expect(await bob.page.evaluate(() => window.editor!.getCanUndo())).toBe(true)
		const fresh = await launchBrowser().then(openPage)
		await joinMap(fresh, bob.page.url(), 'Carol')
		await eventually(
			() => shapeProps(fresh.page, 'shape:u1'),
			(p) => p !== null,
			'Carol has the map'
		)
		expect(await fresh.page.evaluate(() => window.editor!.getCanUndo())).toBe(false)
		await fresh.page.mouse.click(640, 700)
		await fresh.page.keyboard.press('Control+z')
		await fresh.page.waitForTimeout(500)
		expect(await shapeProps(alice.page, 'shape:u1')).toMatchObject({
			title: 'Contract stuck in legal',
			x: 700,
		})
	})
})
