import { useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'
import { summonEveryone } from './bindSummon'
import { LockControls } from './LockControls'
import { TimerControls } from './TimerControls'
import './facilitate.css'

/** Facilitator controls: a shared countdown, "bring everyone to me", and locks. */
export function FacilitatePanel({ editor, session }: { editor: Editor; session: RoomSession }) {
	return (
		<div className="dm-facilitate" data-testid="facilitate-panel">
			<TimerControls editor={editor} session={session} />
			<SummonControl editor={editor} session={session} />
			<LockControls editor={editor} />
		</div>
	)
}

function SummonControl({ editor, session }: { editor: Editor; session: RoomSession }) {
	const connection = useValue('connection', () => session.connection, [session])
	const connected = useValue('connected', () => connection?.state.get() === 'connected', [
		connection,
	])
	const others = useValue('collaborators', () => editor.getCollaborators(), [editor])
	const me = editor.user.getRecordId()
	const followers = others.filter((presence) => presence.followingUserId === me)
	const [sent, setSent] = useState(false)

	return (
		<section className="dm-fac-section" aria-labelledby="dm-fac-summon-heading">
			<h3 id="dm-fac-summon-heading">Bring everyone to me</h3>
			<p className="dm-fac-hint">
				Everyone else's view follows yours, including people on the view link, until they move their
				own.
			</p>
			<div className="dm-fac-actions">
				<button
					type="button"
					className="dm-fac-button dm-fac-primary"
					disabled={!connection || !connected}
					onClick={() => {
						if (!connection) return
						summonEveryone(editor, connection.awareness)
						setSent(true)
					}}
				>
					Bring everyone to me
				</button>
			</div>
			<p className="dm-fac-state" role="status" data-testid="summon-state">
				{!connected
					? 'Needs a connection to the room.'
					: followers.length > 0
						? `${followers.length} of ${others.length} following you.`
						: sent
							? others.length === 0
								? 'Nobody else is here yet.'
								: 'Nobody is following you now.'
							: others.length === 0
								? 'Nobody else is here yet.'
								: `${others.length} other${others.length === 1 ? '' : 's'} in the room.`}
			</p>
		</section>
	)
}
