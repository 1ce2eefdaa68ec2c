/**
 * `npm run bench:client` (see clientBenchMain.ts for what it measures). The client's components
 * import their CSS for Vite; in Node those imports load as empty modules, so the hook is
 * registered before the benchmark (which imports the shape utils for their schema) is loaded.
 */
import { register } from 'node:module'

register('./cssImportsAsEmpty.mjs', import.meta.url)
await import('./clientBenchMain')
