import type { z } from 'zod'
import { dateStringSchema, isDateOrEmpty } from '../schema/dateString'
import { MAX_TEXT_LENGTH } from './maxTextLength'

type Check = (value: unknown) => boolean
type Def = {
	type: string
	innerType?: z.ZodType
	entries?: Record<string, string>
	checks?: unknown[]
	element?: z.ZodType
	shape?: Record<string, z.ZodType>
}

/**
 * A fast yes/no check compiled from a zod object schema: true when every field is present and
 * valid and no text is over the length cap, so the props can be used as they are (no copy).
 * Anything it does not recognise falls back to the field's own zod `safeParse`, so it can never
 * accept what zod would reject. A test feeds it random values beside zod to keep it honest.
 */
export function compilePropsChecker(
	shape: Record<string, z.ZodType>
): (props: Record<string, unknown>) => boolean {
	const checks = Object.entries(shape).map(([key, field]) => [key, compileField(field)] as const)
	return (props) => {
		for (const [key, check] of checks) if (!check(props[key])) return false
		return true
	}
}

function compileField(field: z.ZodType): Check {
	let inner = field
	let def = inner.def as unknown as Def
	while (def.type === 'default' && def.innerType) {
		inner = def.innerType
		def = inner.def as unknown as Def
	}
	if (inner === (dateStringSchema as z.ZodType)) {
		return (v) => typeof v === 'string' && isDateOrEmpty(v)
	}
	const hasChecks = Array.isArray(def.checks) && def.checks.length > 0
	if (def.type === 'string' && !hasChecks) {
		return (v) => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH
	}
	if (def.type === 'number' && isPositiveOnly(def.checks)) {
		return (v) => typeof v === 'number' && v > 0 && v < Infinity
	}
	if (def.type === 'enum' && def.entries) {
		const allowed = new Set(Object.values(def.entries))
		return (v) => typeof v === 'string' && allowed.has(v)
	}
	if (def.type === 'array' && def.element) {
		const element = compileField(def.element)
		return (v) => Array.isArray(v) && v.every(element)
	}
	if (def.type === 'object' && def.shape) {
		const check = compilePropsChecker(def.shape)
		return (v) =>
			typeof v === 'object' &&
			v !== null &&
			!Array.isArray(v) &&
			check(v as Record<string, unknown>)
	}
	return (v) => v !== undefined && field.safeParse(v).success
}

/** True when a number's only check is zod's `.positive()` (zod numbers are finite already). */
function isPositiveOnly(checks: unknown[] | undefined): boolean {
	if (!Array.isArray(checks) || checks.length !== 1) return false
	const def = (checks[0] as { _zod?: { def?: Record<string, unknown> } })._zod?.def
	return def?.check === 'greater_than' && def.value === 0 && def.inclusive === false
}
