import { atom } from 'tldraw'
import type { Diagnostic } from '../../shared/schema/diagnosticSchema'

/** The worst problem of each shape: errors and warnings only (information is not marked). */
export type ShapeProblems = ReadonlyMap<string, { severity: 'error' | 'warning'; count: number }>

/**
 * The shapes the open plan outline found problems with, for the canvas markers. Empty while the
 * Plan tab is closed: the checks (and their cost) belong to the outline.
 */
export const outlineProblems = atom<ShapeProblems>('outline problems', new Map())

/** Each shape's problems (errors and warnings), from the plan's diagnostics. */
export function problemsByShape(diagnostics: readonly Diagnostic[]): ShapeProblems {
	const problems = new Map<string, { severity: 'error' | 'warning'; count: number }>()
	for (const d of diagnostics) {
		if (d.shapeId === null || d.severity === 'info') continue
		const seen = problems.get(d.shapeId)
		if (!seen) problems.set(d.shapeId, { severity: d.severity, count: 1 })
		else {
			seen.count++
			if (d.severity === 'error') seen.severity = 'error'
		}
	}
	return problems
}
