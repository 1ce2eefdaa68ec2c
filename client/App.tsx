import { HomePage } from './home/HomePage'
import { RoomPage } from './room/RoomPage'
import { parseRoute } from './routes'
import { useThemeAttribute } from './ui/useThemeAttribute'

export function App() {
	useThemeAttribute()
	const route = parseRoute(location.pathname)
	if (route.page === 'home') return <HomePage />
	if (route.page === 'map')
		return (
			<RoomPage key={`${route.kind}:${route.roomId}`} kind={route.kind} roomId={route.roomId} />
		)
	return (
		<main className="dm-page">
			<h1>No map here</h1>
			<p>
				<code>{route.path}</code> is not a map link. Map links look like <code>/r/…</code> (edit) or{' '}
				<code>/v/…</code> (view).
			</p>
			<p>
				<a href="/">Go to your maps</a>
			</p>
		</main>
	)
}
