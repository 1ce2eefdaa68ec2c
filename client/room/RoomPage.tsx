import { useEffect, useState } from 'react'
import { rememberMap } from '../home/recentMaps'
import { MapEditor } from './MapEditor'
import { RoomSession, type RoomKind } from './RoomSession'

/** Opens a map from this device first, then shows the canvas (the network catches up after). */
export function RoomPage({ kind, roomId }: { kind: RoomKind; roomId: string }) {
	const [session, setSession] = useState<RoomSession | null>(null)
	const [problem, setProblem] = useState<string | null>(null)

	useEffect(() => {
		let opened: RoomSession | null = null
		let cancelled = false
		RoomSession.open(kind, roomId)
			.then((s) => {
				if (cancelled) {
					void s.close()
					return
				}
				opened = s
				setSession(s)
				rememberMap(kind, roomId)
			})
			.catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)))
		return () => {
			cancelled = true
			if (opened) void opened.close()
		}
	}, [kind, roomId])

	if (problem) {
		return (
			<main className="dm-page">
				<h1>This map could not be opened</h1>
				<p>{problem}</p>
				<p>
					<a href="/">Back to your maps</a>
				</p>
			</main>
		)
	}
	if (!session) return <div className="dm-loading">Opening the map…</div>
	return <MapEditor session={session} />
}
