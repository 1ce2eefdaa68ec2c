import { type Editor, type TLEventInfo, type TLUserId } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import { z } from 'zod'

/**
 * "Bring everyone to me" travels as the awareness field `summon` of the facilitator's client:
 * `{ id, by, name }`, where `by` is the facilitator's tldraw user id (the `userId` of their
 * presence) and `id` is new for every click. A client reacts once per `id`, and only to a summon
 * that appears while it watches: a summon already present when a client first sees a peer (a late
 * joiner, a reconnection) is history, not a request.
 */
export const summonSchema = z.object({
	id: z.string().min(1).max(64),
	by: z.string().min(1).max(200),
	name: z.string().max(200),
})
export type Summon = z.infer<typeof summonSchema>

/** How long a summoned client waits for the facilitator's presence (cursor, camera) to arrive. */
const WAIT_FOR_PRESENCE_MS = 5000

/** Asks every other participant's view to follow this one's. */
export function summonEveryone(editor: Editor, awareness: Awareness): Summon {
	const summon: Summon = {
		id: `${awareness.clientID}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
		by: editor.user.getRecordId(),
		name: editor.user.getName(),
	}
	awareness.setLocalStateField('summon', summon)
	return summon
}

function summonOf(state: unknown): Summon | null {
	if (typeof state !== 'object' || state === null) return null
	const parsed = summonSchema.safeParse((state as { summon?: unknown }).summon)
	return parsed.success ? parsed.data : null
}

/**
 * Follows whoever summons this client (tldraw's `startFollowingUser`), until the person moves by
 * themselves: tldraw stops following on pan, zoom and camera moves; a summoned client also stops
 * on a click or tap on the canvas. `onSummoned` is told who summoned us (to show a notice).
 * Returns a function that stops listening.
 */
export function bindSummon(
	editor: Editor,
	awareness: Awareness,
	onSummoned: (summon: Summon) => void
): () => void {
	const seen = new Map<number, string | null>()
	for (const [clientId, state] of awareness.getStates()) {
		seen.set(clientId, summonOf(state)?.id ?? null)
	}
	let summonedBy: string | null = null
	let retry: ReturnType<typeof setTimeout> | null = null

	const follow = (summon: Summon, deadline: number) => {
		retry = null
		const hasPresence = editor.getCollaborators().some((presence) => presence.userId === summon.by)
		if (!hasPresence) {
			if (Date.now() < deadline) retry = setTimeout(() => follow(summon, deadline), 100)
			return
		}
		summonedBy = summon.by
		editor.startFollowingUser(summon.by as TLUserId)
		onSummoned(summon)
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
		for (const clientId of removed) seen.delete(clientId)
		for (const clientId of added) {
			seen.set(clientId, summonOf(awareness.getStates().get(clientId))?.id ?? null)
		}
		for (const clientId of updated) {
			const summon = summonOf(awareness.getStates().get(clientId))
			const before = seen.get(clientId)
			seen.set(clientId, summon?.id ?? null)
			if (clientId === awareness.clientID || !summon || summon.id === before) continue
			if (before === undefined) continue
			if (summon.by === editor.user.getRecordId()) continue
			if (retry) clearTimeout(retry)
			follow(summon, Date.now() + WAIT_FOR_PRESENCE_MS)
		}
	}

	const onEvent = (info: TLEventInfo) => {
		if (info.type !== 'pointer' || info.name !== 'pointer_down') return
		const following = editor.getInstanceState().followingUserId
		if (following !== null && following === summonedBy) editor.stopFollowingUser()
	}

	awareness.on('change', onChange)
	editor.on('event', onEvent)
	return () => {
		if (retry) clearTimeout(retry)
		awareness.off('change', onChange)
		editor.off('event', onEvent)
	}
}
