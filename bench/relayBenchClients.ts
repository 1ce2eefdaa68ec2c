/** Stock y-websocket clients and timing helpers shared by the relay benchmark's processes. */
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

export interface Client {
	doc: Y.Doc
	provider: WebsocketProvider
	/** Resolves on the provider's first `sync` (its sync step 2 arrived and was applied). */
	synced: Promise<void>
}

export function newClient(port: number, room: string): Client {
	const doc = new Y.Doc()
	const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/sync`, room, doc, {
		WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
		disableBc: true,
	})
	const synced = new Promise<void>((resolve) =>
		provider.on('sync', (state: boolean) => {
			if (state) resolve()
		})
	)
	return { doc, provider, synced }
}

export function closeAll(clients: Client[]): void {
	for (const c of clients) {
		c.provider.destroy()
		c.doc.destroy()
	}
}

/** One shape record of the contract layout (ARCHITECTURE.md): a Y.Map with nested props and meta. */
export function shapeRecord(id: string, i: number): Y.Map<unknown> {
	const fields = new Y.Map<unknown>()
	fields.set('id', id)
	fields.set('typeName', 'shape')
	fields.set('type', 'milestone')
	fields.set('parentId', 'page:page')
	fields.set('index', `a${i}`)
	fields.set('x', i * 10)
	fields.set('y', i * 5)
	fields.set('rotation', 0)
	const props = new Y.Map<unknown>()
	props.set('w', 200)
	props.set('h', 120)
	props.set('title', `Milestone ${i}`)
	props.set('status', 'planned')
	fields.set('props', props)
	fields.set('meta', new Y.Map<unknown>())
	return fields
}

/** Runs each task every `periodMs`, their phases spread over the period; returns a stop function. */
export function startPeriodic(tasks: (() => void)[], periodMs: number): () => void {
	const handles: NodeJS.Timeout[] = []
	let stopped = false
	tasks.forEach((task, i) => {
		const offset = (periodMs * i) / tasks.length
		handles.push(
			setTimeout(() => {
				if (stopped) return
				task()
				handles.push(setInterval(task, periodMs))
			}, offset)
		)
	})
	return () => {
		stopped = true
		for (const handle of handles) clearInterval(handle)
	}
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

export async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const start = performance.now()
	while (!check()) {
		if (performance.now() - start > timeoutMs) return false
		await sleep(20)
	}
	return true
}
