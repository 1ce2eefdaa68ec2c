import * as decoding from 'lib0/decoding'
import { expect, test } from 'vitest'
import { messageType } from '../../shared/relayProtocol'
import { closeCodes } from '../../shared/relayProtocol'
import {
	closed,
	connect,
	newRoomId,
	putRecord,
	rawSocket,
	startRelay,
	synced,
	until,
} from './startRelay'

async function viewIdOf(relayUrl: string, editId: string): Promise<string> {
	const res = await fetch(`${relayUrl}/api/rooms/${editId}/links`)
	expect(res.status).toBe(200)
	const links = (await res.json()) as { edit: string; view: string; editId: string; viewId: string }
	expect(links.edit).toBe(`/r/${editId}`)
	expect(links.view).toBe(`/v/${links.viewId}`)
	expect(links.editId).toBe(editId)
	expect(links.viewId).not.toBe(editId)
	return links.viewId
}

test('a view client sees edits but its own writes reach no one', async () => {
	const relay = await startRelay()
	const editId = newRoomId()
	const viewId = await viewIdOf(relay.url, editId)
	const editor = connect(relay, editId)
	const viewer = connect(relay, viewId)
	const roles: string[] = []
	viewer.provider.messageHandlers[messageType.roomRole] = (_encoder, decoder) => {
		roles.push(decoding.readVarString(decoder))
	}
	await Promise.all([synced(editor), synced(viewer)])
	putRecord(editor.doc, { id: 'shape:e', x: 1 })
	await until(
		() => viewer.doc.getMap('records').has('shape:e'),
		'the viewer sees the editor’s shape'
	)
	putRecord(viewer.doc, { id: 'shape:v', x: 2 })
	// A marker written after the viewer's change: once it arrives, the viewer's would have too.
	await new Promise((r) => setTimeout(r, 100))
	putRecord(editor.doc, { id: 'shape:marker', x: 3 })
	await until(
		() => viewer.doc.getMap('records').has('shape:marker'),
		'the marker reaches the viewer'
	)
	expect(editor.doc.getMap('records').has('shape:v')).toBe(false)
	// Nor is it stored: a new client of the room never gets it.
	const later = connect(relay, editId)
	await synced(later)
	expect(later.doc.getMap('records').has('shape:v')).toBe(false)
	expect(later.doc.getMap('records').has('shape:e')).toBe(true)
	expect(roles).toEqual([JSON.stringify({ role: 'view' })])
	expect(relay.metrics.dropped.get('view-write')).toBeGreaterThan(0)
})

test('the links of a room are stable and a view id cannot reveal the edit id', async () => {
	const relay = await startRelay()
	const editId = newRoomId()
	const viewId = await viewIdOf(relay.url, editId)
	expect(await viewIdOf(relay.url, editId)).toBe(viewId)
	const res = await fetch(`${relay.url}/api/rooms/${viewId}/links`)
	expect(res.status).toBe(403)
	expect(JSON.stringify(await res.json())).not.toContain(editId)
	expect((await fetch(`${relay.url}/api/rooms/not-an-id/links`)).status).toBe(400)
})

test('asking for a view role with an unknown view id is refused with its close code', async () => {
	const relay = await startRelay()
	const ws = await rawSocket(relay, `/sync/${newRoomId()}?role=view`)
	expect(await closed(ws)).toEqual({
		code: closeCodes.unknownViewId.code,
		reason: closeCodes.unknownViewId.reason,
	})
})
