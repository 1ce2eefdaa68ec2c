import { beforeAll, describe, expect, it } from 'vitest'
import { aliceAndBobInOneRoom, eventually, shapeProps, type TrackedPage } from './browserHelpers'

describe('concurrent edits to one shape', () => {
	let alice: TrackedPage
	let bob: TrackedPage

	beforeAll(async () => {
		;({ alice, bob } = await aliceAndBobInOneRoom())
		await alice.page.evaluate(() => {
			window.editor!.createShape({
				id: 'shape:shared' as never,
				type: 'milestone',
				x: 100,
				y: 100,
				props: { title: 'Draft title', owner: 'Nobody yet' },
			})
		})
		await eventually(
			() => shapeProps(bob.page, 'shape:shared'),
			(p) => p !== null,
			'Bob has the shape'
		)
	})

	it('keeps a move made by one person and a retitle made by another at the same time', async () => {
		// Alice is cut off while both edit, so neither sees the other's edit before making theirs.
		await alice.context.setOffline(true)
		await alice.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
		await alice.page.evaluate(() => {
			window.editor!.updateShape({ id: 'shape:shared' as never, type: 'milestone', x: 640, y: 360 })
		})
		await bob.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:shared' as never,
				type: 'milestone',
				props: { title: 'Families receive the grant' },
			})
		})
		await alice.context.setOffline(false)

		for (const side of [alice, bob]) {
			const merged = await eventually(
				() => shapeProps(side.page, 'shape:shared'),
				(p) => p?.x === 640 && p?.title === 'Families receive the grant',
				'both edits are on both pages'
			)
			expect(merged).toMatchObject({
				x: 640,
				y: 360,
				title: 'Families receive the grant',
				owner: 'Nobody yet',
			})
		}
	})

	it('keeps different props edited at the same time by two people', async () => {
		await bob.context.setOffline(true)
		await bob.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
		await alice.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:shared' as never,
				type: 'milestone',
				props: { due: '2026-06-30' },
			})
		})
		await bob.page.evaluate(() => {
			window.editor!.updateShape({
				id: 'shape:shared' as never,
				type: 'milestone',
				props: { owner: 'Priya' },
			})
		})
		await bob.context.setOffline(false)
		for (const side of [alice, bob]) {
			await eventually(
				() => shapeProps(side.page, 'shape:shared'),
				(p) => p?.due === '2026-06-30' && p?.owner === 'Priya',
				'both props are on both pages'
			)
		}
	})
})
