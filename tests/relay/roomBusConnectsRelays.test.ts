import { expect, test } from 'vitest'
import { InProcessRoomBus } from '../../sync-server/RoomBus'
import { connect, newRoomId, putRecord, startRelay, synced, until } from './startRelay'

test('two relays sharing a room bus relay one room’s edits and presence to each other', async () => {
	const bus = new InProcessRoomBus()
	const one = await startRelay({ bus })
	const two = await startRelay({ bus })
	const room = newRoomId()
	const a = connect(one, room)
	const b = connect(two, room)
	await Promise.all([synced(a), synced(b)])
	putRecord(a.doc, { id: 'shape:from-one', x: 1 })
	putRecord(b.doc, { id: 'shape:from-two', x: 2 })
	const both = (doc: typeof a.doc) =>
		doc.getMap('records').has('shape:from-one') && doc.getMap('records').has('shape:from-two')
	await until(() => both(a.doc) && both(b.doc), 'both clients have both shapes')
	a.provider.awareness.setLocalStateField('user', { name: 'Ada' })
	await until(
		() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Ada',
		'presence crosses relays'
	)
	// Each relay keeps a whole copy: a client joining relay two later gets relay one's edit.
	const c = connect(two, room)
	await synced(c)
	expect(c.doc.getMap('records').toJSON()).toEqual(a.doc.getMap('records').toJSON())
})

test('a relay that loads a room later gets what the other relays hold before its client syncs', async () => {
	const bus = new InProcessRoomBus()
	const one = await startRelay({ bus })
	const two = await startRelay({ bus })
	const room = newRoomId()
	const a = connect(one, room)
	await synced(a)
	for (let i = 0; i < 20; i++) putRecord(a.doc, { id: `shape:${i}`, x: i })
	await until(() => one.metrics.updates === 20, 'relay one has the map')
	// Relay two has never seen this room: its own store is empty.
	const b = connect(two, room)
	let sizeAtSync = -1
	b.provider.on('sync', (s: boolean) => {
		if (s) sizeAtSync = b.doc.getMap('records').size
	})
	await synced(b)
	expect(sizeAtSync).toBe(20)
	expect(b.doc.getMap('records').toJSON()).toEqual(a.doc.getMap('records').toJSON())
})
