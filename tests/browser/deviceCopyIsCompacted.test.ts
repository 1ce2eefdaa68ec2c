import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newRoomId } from '../../shared/roomId'
import {
	eventually,
	joinMap,
	launchBrowser,
	openPage,
	startRelayWithClient,
	waitForConnected,
	type TrackedPage,
} from './browserHelpers'

const SHAPES = 30

/** The room's snapshot and the number of log entries beside it in the page's IndexedDB. */
function readDeviceCopy(key: string): Promise<{ snapshot: number[] | null; logEntries: number }> {
	return new Promise((resolve, reject) => {
		const open = indexedDB.open('delivery-map')
		open.onerror = () => reject(open.error)
		open.onsuccess = () => {
			const store = open.result.transaction('docs', 'readonly').objectStore('docs')
			const snapshot = store.get(key)
			const log = store.count(IDBKeyRange.bound([key], [key, []]))
			log.onsuccess = () => {
				const value = snapshot.result as Uint8Array | undefined
				resolve({ snapshot: value ? Array.from(value) : null, logEntries: log.result })
				open.result.close()
			}
		}
	})
}

describe("the map's copy on this device", () => {
	let alice: TrackedPage
	let roomId: string

	beforeAll(async () => {
		const relay = await startRelayWithClient()
		const browser = await launchBrowser()
		alice = await openPage(browser)
		roomId = newRoomId()
		await joinMap(alice, `${relay.url}/r/${roomId}`, 'Alice')
		await waitForConnected(alice.page)
	})

	it('is folded into one snapshot off the main thread once the map is quiet, with every change', async () => {
		// Shapes made over a couple of seconds: several separate saves, so several log entries.
		await alice.page.evaluate(async (count) => {
			for (let i = 0; i < count; i++) {
				window.editor!.createShape({
					id: `shape:kept${i}` as never,
					type: 'blocker',
					x: (i % 6) * 300,
					y: Math.floor(i / 6) * 200,
					props: { title: `Risk ${i}` },
				})
				await new Promise((r) => setTimeout(r, 100))
			}
		}, SHAPES)
		const key = `edit:${roomId}`
		const copy = await eventually(
			() => alice.page.evaluate(readDeviceCopy, key),
			(c) => c.logEntries === 0 && c.snapshot !== null,
			'the log is folded into the snapshot',
			30_000
		)
		expect(alice.page.workers().some((w) => w.url().includes('compactWorker'))).toBe(true)
		const doc = new Y.Doc()
		Y.applyUpdate(doc, Uint8Array.from(copy.snapshot!))
		const records = doc.getMap('records').toJSON() as Record<string, { props?: { title?: string } }>
		for (let i = 0; i < SHAPES; i++)
			expect(records[`shape:kept${i}`]?.props?.title).toBe(`Risk ${i}`)
	})
})
