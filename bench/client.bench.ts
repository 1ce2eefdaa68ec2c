/**
 * `npm run bench:client` (see clientBenchMain.ts for what it measures). The client's components
 * import their CSS for Vite; in Node those imports load as empty modules, so the hook is
 * registered before the benchmark (which imports the shape utils for their schema) is loaded.
 */
import { register } from 'node:module'

register('./cssImportsAsEmpty.mjs', import.meta.url)
await import('./clientBenchMain')
// Exit once the figures are written: handles left by the libraries (the loader hook's thread,
// sockets closing) would otherwise keep the process waiting.
process.exit(0)
