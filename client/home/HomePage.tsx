import { useState } from 'react'
import { newRoomId } from '../../shared/roomId'
import { linkToPath } from '../routes'
import { stashTemplate } from './pendingTemplate'
import { forgetMap, recentMaps, type RecentMap } from './recentMaps'
import { EMPTY_MAP, TemplatePicker } from './TemplatePicker'

function openedLabel(iso: string) {
	const date = new Date(iso)
	return Number.isNaN(date.getTime()) ? '' : date.toLocaleString()
}

/** Start a map, open a link, or go back to a map opened on this device. */
export function HomePage() {
	const [link, setLink] = useState('')
	const [linkProblem, setLinkProblem] = useState<string | null>(null)
	const [recent, setRecent] = useState<RecentMap[]>(() => recentMaps())
	const [start, setStart] = useState('delivery-map')
	const [startProblem, setStartProblem] = useState<string | null>(null)

	const createMap = () => {
		const roomId = newRoomId()
		if (start !== EMPTY_MAP) {
			try {
				stashTemplate(roomId, start)
			} catch (error) {
				// Storage disabled or full: say so rather than open an empty map silently.
				setStartProblem(
					`The template could not be prepared (${error instanceof Error ? error.message : String(error)}). Choose "Empty map", or allow this site to store data.`
				)
				return
			}
		}
		location.assign(`/r/${roomId}`)
	}

	return (
		<main className="dm-page dm-home">
			<header>
				<h1>Delivery Map</h1>
				<p>
					Draw your delivery journey together: stages, milestones, the enablers they need and the
					blockers in the way. No account needed; works offline.
				</p>
			</header>
			<section aria-labelledby="dm-new-map-heading">
				<h2 id="dm-new-map-heading">New map</h2>
				<TemplatePicker
					value={start}
					onChange={(id) => {
						setStart(id)
						setStartProblem(null)
					}}
				/>
				<button type="button" className="dm-button dm-primary dm-big" onClick={createMap}>
					Create map
				</button>
				{startProblem ? <p className="dm-problem">{startProblem}</p> : null}
			</section>
			<section>
				<h2>Open a link</h2>
				<form
					className="dm-copy-row"
					onSubmit={(e) => {
						e.preventDefault()
						const path = linkToPath(link)
						if (path) location.assign(path)
						else
							setLinkProblem(
								'That is not a map link. It looks like …/r/… or …/v/… followed by a long code.'
							)
					}}
				>
					<input
						aria-label="Map link"
						placeholder="Paste an edit or view link"
						value={link}
						onChange={(e) => {
							setLink(e.currentTarget.value)
							setLinkProblem(null)
						}}
					/>
					<button type="submit" className="dm-button">
						Open
					</button>
				</form>
				{linkProblem ? <p className="dm-problem">{linkProblem}</p> : null}
			</section>
			<section>
				<h2>On this device</h2>
				{recent.length === 0 ? (
					<p className="dm-hint">
						Maps you open appear here, so you can come back to them, even offline.
					</p>
				) : (
					<ul className="dm-recent" data-testid="recent-maps">
						{recent.map((map) => (
							<li key={`${map.kind}:${map.roomId}`}>
								<a href={`/${map.kind === 'edit' ? 'r' : 'v'}/${map.roomId}`}>
									{map.name || `Untitled map ${map.roomId.slice(0, 6)}…`}
								</a>
								{map.kind === 'view' ? <span className="dm-hint">view only</span> : null}
								<span className="dm-hint">opened {openedLabel(map.openedAt)}</span>
								<button
									type="button"
									className="dm-link-button"
									onClick={() => {
										forgetMap(map.kind, map.roomId)
										setRecent(recentMaps())
									}}
								>
									Remove from list
								</button>
							</li>
						))}
					</ul>
				)}
			</section>
		</main>
	)
}
