import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The client lives in client/ (index.html there); `vite build` writes dist/, which the relay serves.
export default defineConfig({
	root: 'client',
	publicDir: 'public',
	plugins: [react()],
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
