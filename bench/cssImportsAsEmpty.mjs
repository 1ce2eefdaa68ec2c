/**
 * A Node module loader hook: `import './x.css'` (as the client's components do, for Vite) loads
 * as an empty module, so the benchmark can import the shape utils in Node for their schema.
 */
export async function load(url, context, nextLoad) {
	if (url.endsWith('.css')) return { format: 'module', source: '', shortCircuit: true }
	return nextLoad(url, context)
}
