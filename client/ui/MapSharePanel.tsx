import { useEditor, useTldrawUiComponents, useValue } from 'tldraw'
import { useRoom } from '../room/RoomContext'
import { ConnectionBadge } from './ConnectionBadge'

/** Top right: connection, who is here (tldraw's people menu), your name, and the share button. */
export function MapSharePanel() {
	const editor = useEditor()
	const { session, openShare, openNameDialog } = useRoom()
	const { PeopleMenu } = useTldrawUiComponents()
	const name = useValue('user name', () => editor.user.getName(), [editor])
	const color = useValue('user color', () => editor.user.getColor(), [editor])
	return (
		<div className="tlui-share-zone dm-share-zone" draggable={false}>
			<ConnectionBadge />
			{PeopleMenu ? <PeopleMenu /> : null}
			<button
				type="button"
				className="dm-button dm-name-button"
				title="Change your name"
				onClick={openNameDialog}
			>
				<span className="dm-swatch" style={{ background: color }} aria-hidden="true" />
				<span className="dm-name-text">{name}</span>
			</button>
			{session.kind === 'edit' ? (
				<button type="button" className="dm-button dm-primary" onClick={openShare}>
					Share
				</button>
			) : null}
		</div>
	)
}
