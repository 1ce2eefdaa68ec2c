import { useEffect, useState } from 'react'

/** `Date.now()`, refreshed every `intervalMs` while `active` (a countdown's clock). */
export function useNow(active: boolean, intervalMs = 250): number {
	const [now, setNow] = useState(() => Date.now())
	useEffect(() => {
		setNow(Date.now())
		if (!active) return
		const timer = setInterval(() => setNow(Date.now()), intervalMs)
		return () => clearInterval(timer)
	}, [active, intervalMs])
	return now
}
