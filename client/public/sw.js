/* Delivery Map service worker: caches the app shell so a map opened before opens offline.
 * The build writes /sw-assets.json ({ version, assets }) listing every file of the build. */
const CACHE_PREFIX = 'delivery-map-shell-'
const ASSET_LIST = '/sw-assets.json'
const SHELL = '/index.html'
const EXTRA = ['/', SHELL, '/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png']

async function currentCacheName() {
	const names = await caches.keys()
	return names.find((name) => name.startsWith(CACHE_PREFIX)) ?? null
}

/** Downloads every file of the current build into a cache named after its version. */
async function precache() {
	const response = await fetch(ASSET_LIST, { cache: 'no-store' })
	if (!response.ok) throw new Error(`${ASSET_LIST}: ${response.status}`)
	const list = await response.json()
	const name = CACHE_PREFIX + list.version
	const names = await caches.keys()
	if (!names.includes(name)) {
		const cache = await caches.open(name)
		const urls = [...EXTRA, ...list.assets.map((asset) => '/' + asset)]
		await cache.addAll(urls.map((url) => new Request(url, { cache: 'reload' })))
	}
	for (const old of names) {
		if (old.startsWith(CACHE_PREFIX) && old !== name) await caches.delete(old)
	}
}

self.addEventListener('install', (event) => {
	event.waitUntil(precache().then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
	event.waitUntil(self.clients.claim())
})

async function fromCache(request) {
	const name = await currentCacheName()
	if (!name) return undefined
	const cache = await caches.open(name)
	return cache.match(request)
}

/** Pages: the network first (so a new version shows up), the cached shell when offline. */
async function navigate(event) {
	try {
		const response = await fetch(event.request)
		if (response.ok) {
			// A newer build may be live: refresh the cache in the background.
			event.waitUntil(precache().catch(() => undefined))
		}
		return response
	} catch (error) {
		const shell = (await fromCache(SHELL)) ?? (await fromCache('/'))
		if (shell) return shell
		throw error
	}
}

/** Files: hashed build files never change, so the cache first, then the network. */
async function asset(request) {
	const hit = await fromCache(request)
	if (hit) return hit
	const response = await fetch(request)
	if (response.ok && response.type === 'basic') {
		const name = await currentCacheName()
		if (name) {
			const cache = await caches.open(name)
			await cache.put(request, response.clone())
		}
	}
	return response
}

self.addEventListener('fetch', (event) => {
	const request = event.request
	if (request.method !== 'GET') return
	const url = new URL(request.url)
	if (url.origin !== self.location.origin) return
	if (url.pathname.startsWith('/sync') || url.pathname.startsWith('/api/')) return
	if (url.pathname === ASSET_LIST || url.pathname === '/sw.js') return
	if (request.mode === 'navigate') {
		event.respondWith(navigate(event))
		return
	}
	event.respondWith(asset(request))
})
