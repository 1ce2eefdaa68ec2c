import {
	getDefaultUserPresence,
	InstancePresenceRecordType,
	react,
	UserRecordType,
	type Editor,
	type TLInstancePresence,
} from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'

const PUBLISH_INTERVAL_MS = 50

function presenceIdOf(clientId: number) {
	return InstancePresenceRecordType.createId(`yjs-${clientId}`)
}

/**
 * Presence through y-protocols awareness: this client's cursor, selection, camera, name and colour
 * go out as the awareness field `presence` (tldraw's `TLInstancePresence` shape, at most 20 times
 * a second); every peer's comes in as an `instance_presence` record, which is what tldraw's live
 * cursors, selections, people menu and "follow" read. Returns a function that stops it.
 */
export function bindPresence(editor: Editor, awareness: Awareness): () => void {
	const store = editor.store
	let pending: TLInstancePresence | null = null
	let timer: ReturnType<typeof setTimeout> | null = null
	let lastSent = 0

	const send = () => {
		timer = null
		lastSent = Date.now()
		awareness.setLocalStateField('presence', pending)
	}

	const stopReacting = react('publish presence', () => {
		const user = UserRecordType.create({
			id: editor.user.getRecordId(),
			name: editor.user.getName(),
			color: editor.user.getColor(),
		})
		const state = getDefaultUserPresence(store, user)
		pending = state
			? InstancePresenceRecordType.create({ ...state, id: presenceIdOf(awareness.clientID) })
			: null
		if (timer) return
		const wait = Math.max(0, PUBLISH_INTERVAL_MS - (Date.now() - lastSent))
		timer = setTimeout(send, wait)
	})

	const validate = (value: unknown, clientId: number): TLInstancePresence | null => {
		if (typeof value !== 'object' || value === null) return null
		const candidate = { ...(value as object), id: presenceIdOf(clientId) } as TLInstancePresence
		try {
			return store.schema.validateRecord(
				store,
				candidate,
				'createRecord',
				null
			) as TLInstancePresence
		} catch {
			return null
		}
	}

	const onChange = ({
		added,
		updated,
		removed,
	}: {
		added: number[]
		updated: number[]
		removed: number[]
	}) => {
		const puts: TLInstancePresence[] = []
		const removes: TLInstancePresence['id'][] = []
		for (const clientId of [...added, ...updated]) {
			if (clientId === awareness.clientID) continue
			const state = awareness.getStates().get(clientId) as { presence?: unknown } | undefined
			const presence = validate(state?.presence, clientId)
			if (presence) puts.push(presence)
			else if (store.has(presenceIdOf(clientId))) removes.push(presenceIdOf(clientId))
		}
		for (const clientId of removed) {
			if (store.has(presenceIdOf(clientId))) removes.push(presenceIdOf(clientId))
		}
		if (puts.length === 0 && removes.length === 0) return
		store.mergeRemoteChanges(() => {
			if (removes.length > 0) store.remove(removes)
			if (puts.length > 0) store.put(puts)
		})
	}
	awareness.on('change', onChange)
	// Peers already known when we bind (the awareness outlives editor remounts).
	onChange({ added: [...awareness.getStates().keys()], updated: [], removed: [] })

	return () => {
		stopReacting()
		if (timer) clearTimeout(timer)
		awareness.off('change', onChange)
		awareness.setLocalStateField('presence', null)
		const ids = store.query
			.records('instance_presence')
			.get()
			.map((r) => r.id)
		if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids))
	}
}
