import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'

/**
 * Writes `sw-assets.json` (`{ version, assets }`) beside the build, listing every emitted file, so
 * the service worker (client/public/sw.js) can cache the whole app shell and notice new versions.
 */
function swAssetListPlugin(): Plugin {
	return {
		name: 'delivery-map-sw-asset-list',
		apply: 'build',
		generateBundle(_options, bundle) {
			const assets = Object.keys(bundle)
				.filter((file) => !file.endsWith('.map') && file !== 'index.html')
				.sort()
			let hash = 0x811c9dc5
			for (const char of assets.join('\n')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193)
			const version = (hash >>> 0).toString(36)
			this.emitFile({
				type: 'asset',
				fileName: 'sw-assets.json',
				source: JSON.stringify({ version, assets }),
			})
		},
	}
}

// The client lives in client/ (index.html there); `vite build` writes dist/, which the relay serves.
export default defineConfig({
	root: 'client',
	publicDir: 'public',
	plugins: [react(), swAssetListPlugin()],
	build: {
		outDir: '../dist',
		emptyOutDir: true,
		chunkSizeWarningLimit: 4000,
	},
	server: {
		proxy: {
			'/sync': { target: 'ws://localhost:8787', ws: true },
			'/api': { target: 'http://localhost:8787' },
		},
	},
	test: {
		root: '.',
		include: ['tests/**/*.test.ts'],
		testTimeout: 30_000,
		hookTimeout: 120_000,
		pool: 'forks',
	},
})
