import { DefaultHelperButtons, useValue } from 'tldraw'
import { FacilitationBar } from '../facilitate/FacilitationBar'
import { useRoom } from '../room/RoomContext'
import { ConnectionRetryButton } from './ConnectionRetryButton'
import { useMapNotices } from './mapNotices'

/**
 * Banners above the canvas, in one column under the menu: tldraw's helper buttons ("Stop
 * following", "Back to content"), the workshop timer and follow notice, read-only view links, a
 * document from another version of the app, a connection the relay closed for a reason the person
 * should know, an unreadable saved copy. It also lets code outside React show notices (mapNotices).
 */
export function MapTopPanel() {
	const { session } = useRoom()
	useMapNotices()
	const relation = useValue('schema relation', () => session.binding.schemaRelation.get(), [
		session,
	])
	const problem = useValue('connection problem', () => session.connection?.problem.get() ?? null, [
		session,
	])
	const deviceProblem = useValue(
		'device problem',
		() => session.deviceLoad.get()?.problem ?? null,
		[session]
	)
	return (
		<div className="dm-banners">
			<DefaultHelperButtons />
			<FacilitationBar />
			{session.kind === 'view' ? (
				<div className="dm-banner dm-banner-info" data-testid="readonly-banner">
					View only: you are watching this map live and cannot change it.
				</div>
			) : null}
			{relation === 'doc-newer' || relation === 'unreadable' ? (
				<div className="dm-banner dm-banner-warning" role="alert" data-testid="schema-banner">
					This map was saved by a newer version of Delivery Map. Reload the page to update; until
					then you can look but your changes are not saved.{' '}
					<button type="button" className="dm-link-button" onClick={() => location.reload()}>
						Reload
					</button>
				</div>
			) : null}
			{relation === 'doc-older' ? (
				<div className="dm-banner dm-banner-warning" role="alert" data-testid="schema-banner">
					This map was saved by another version of Delivery Map. Reload to update; until everyone
					uses the same version, this page shows the map but does not change it.{' '}
					<button type="button" className="dm-link-button" onClick={() => location.reload()}>
						Reload
					</button>
				</div>
			) : null}
			{problem ? (
				// The button is outside the alert, so that the alert reads the reason alone.
				<div className="dm-banner dm-banner-warning">
					<span role="alert">{problem}</span>{' '}
					<ConnectionRetryButton connection={session.connection ?? null} />
				</div>
			) : null}
			{deviceProblem ? (
				<div className="dm-banner dm-banner-warning" role="alert">
					{deviceProblem} It was kept aside on this device; the map is loaded from the server.
				</div>
			) : null}
		</div>
	)
}
