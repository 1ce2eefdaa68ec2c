import { expect, test } from 'vitest'
import { connect, newRoomId, startRelay, synced, until } from './startRelay'

test('awareness reaches the others and is removed when its client disconnects', async () => {
	const relay = await startRelay()
	const room = newRoomId()
	const a = connect(relay, room)
	const b = connect(relay, room)
	await Promise.all([synced(a), synced(b)])
	a.provider.awareness.setLocalStateField('user', { name: 'Ada', color: '#f00' })
	const aId = a.doc.clientID
	await until(() => b.provider.awareness.getStates().has(aId), 'b sees a’s presence')
	expect(b.provider.awareness.getStates().get(aId)).toEqual({
		user: { name: 'Ada', color: '#f00' },
	})
	a.provider.awareness.setLocalStateField('cursor', { x: 5, y: 6 })
	await until(
		() => b.provider.awareness.getStates().get(aId)?.cursor?.x === 5,
		'b sees a’s cursor move'
	)

	// A newcomer gets the presence already there.
	const c = connect(relay, room)
	await synced(c)
	await until(() => c.provider.awareness.getStates().has(aId), 'c sees a’s presence on joining')

	// A socket that just drops (no goodbye message) is removed by the relay.
	;(a.provider.ws as unknown as import('ws').WebSocket).terminate()
	a.provider.shouldConnect = false
	await until(() => !b.provider.awareness.getStates().has(aId), 'b no longer sees a')
	await until(() => !c.provider.awareness.getStates().has(aId), 'c no longer sees a')
	expect(b.provider.awareness.getStates().has(b.doc.clientID)).toBe(true)
})
