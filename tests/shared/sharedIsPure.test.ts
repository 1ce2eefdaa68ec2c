import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const SHARED = new URL('../../shared/', import.meta.url).pathname

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name)
		return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
	})
}

describe('shared/ is pure', () => {
	it('imports only zod and its own files: no React, tldraw, Yjs or node: modules', () => {
		const offenders: string[] = []
		for (const file of files(SHARED)) {
			const source = readFileSync(file, 'utf8')
			for (const match of source.matchAll(
				/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g
			)) {
				const spec = match[1] ?? match[2] ?? match[3]!
				if (spec === 'zod' || spec.startsWith('.')) continue
				offenders.push(`${file.slice(SHARED.length)} imports ${spec}`)
			}
			if (/(?<![.\w$])(?:process|window|document|require)[.(]|\bBuffer\b/.test(source))
				offenders.push(`${file.slice(SHARED.length)} uses a runtime global`)
		}
		expect(offenders).toEqual([])
	})
})
