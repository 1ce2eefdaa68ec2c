/**
 * Registers the service worker that caches the app shell (public/sw.js), so a map opened before
 * opens with the network gone. Only in production builds: the dev server serves modules live.
 */
export function registerServiceWorker() {
	if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
	window.addEventListener('load', () => {
		navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
			console.warn('Delivery Map: offline support is not available in this browser', error)
		})
	})
}
