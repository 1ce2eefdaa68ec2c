import { useEffect, useState } from 'react'
import { useEditor, useValue } from 'tldraw'
import { useRoom } from '../room/RoomContext'
import { bindSummon, type Summon } from './bindSummon'
import { startRelayClock } from './relayClock'
import { TimerBadge } from './TimerBadge'
import './facilitate.css'

/**
 * What the facilitator's controls show on everyone's canvas: the shared countdown, and, when the
 * facilitator brought everyone to them, a notice saying whose view this one follows and how to
 * stop. Lives in the top panel, which every page of a map renders (view links included).
 */
export function FacilitationBar() {
	const editor = useEditor()
	const { session } = useRoom()
	const connection = useValue('connection', () => session.connection, [session])
	const [summon, setSummon] = useState<Summon | null>(null)

	const connected = useValue('connected', () => connection?.state.get() === 'connected', [
		connection,
	])
	// Only once the relay answers: an offline page keeps its own clock and asks nothing.
	useEffect(() => {
		if (connected) startRelayClock()
	}, [connected])
	useEffect(() => {
		if (!connection) return
		return bindSummon(editor, connection.awareness, setSummon)
	}, [editor, connection])

	const following = useValue('following user', () => editor.getInstanceState().followingUserId, [
		editor,
	])
	const summoned = summon !== null && following === summon.by

	return (
		<div className="dm-facilitation-bar">
			<TimerBadge session={session} />
			{/* Always in the page, so that screen readers announce the notice when it appears. */}
			<div role="status" className="dm-follow-live">
				{summoned ? (
					<div className="dm-follow-notice" data-testid="follow-notice">
						Following <strong>{summon.name.trim() || 'the facilitator'}</strong> — move to stop
					</div>
				) : null}
			</div>
		</div>
	)
}
