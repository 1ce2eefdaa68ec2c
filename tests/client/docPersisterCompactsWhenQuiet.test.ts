import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'

// The device store, held in memory, with writes that land only when the test lets them.
const writes: Array<() => void> = []
const compactions: unknown[] = []
vi.mock('idb-keyval', () => ({
	createStore: () => () => Promise.resolve(),
	promisifyRequest: () => Promise.resolve(),
	set: () => new Promise<void>((resolve) => writes.push(resolve)),
}))
vi.mock('../../client/sync/compactInWorker', () => ({
	compactInWorker: (request: unknown) => {
		compactions.push(request)
		return Promise.resolve()
	},
}))

const { DocPersister } = await import('../../client/sync/persistDoc')

describe('DocPersister', () => {
	beforeEach(() => {
		vi.useFakeTimers()
		const events = { addEventListener: () => {}, removeEventListener: () => {} }
		vi.stubGlobal('window', events)
		vi.stubGlobal('document', { ...events, visibilityState: 'visible' })
		writes.length = 0
		compactions.length = 0
	})
	afterEach(() => {
		vi.useRealTimers()
		vi.unstubAllGlobals()
	})

	function listening(doc: Y.Doc) {
		const persister = new DocPersister('edit:room', doc)
		;(persister as unknown as { listen(): void }).listen()
		return persister
	}

	it('folds a quiet map into a snapshot once its write has landed', async () => {
		const doc = new Y.Doc()
		listening(doc)
		doc.getMap('m').set('title', 'Residents apply')
		await vi.advanceTimersByTimeAsync(1500)
		expect(writes).toHaveLength(1)
		writes.shift()!()
		await vi.advanceTimersByTimeAsync(6000)
		expect(compactions).toHaveLength(1)
	})

	it('still folds it when the write lands after the map went quiet', async () => {
		// A 5,000-shape map's first write, on a page busy drawing it, outlasted the 4 s quiet
		// timer, which found nothing written to fold and did not come back: the copy stayed one
		// log entry (the canvas benchmark waited for it in vain).
		const doc = new Y.Doc()
		listening(doc)
		doc.getMap('m').set('title', 'Residents apply')
		await vi.advanceTimersByTimeAsync(10_000)
		expect(writes).toHaveLength(1)
		expect(compactions).toHaveLength(0)
		writes.shift()!()
		await vi.advanceTimersByTimeAsync(6000)
		expect(compactions).toHaveLength(1)
	})
})
