import * as Y from 'yjs'

/** A tldraw record as plain JSON: the form the Y.Doc stores, field by field. */
export type PlainRecord = { id: string; typeName: string } & Record<string, unknown>

/** The record types that belong to the shared document (see ARCHITECTURE.md, "The Y.Doc layout"). */
export const SYNCED_TYPE_NAMES: ReadonlySet<string> = new Set([
	'document',
	'page',
	'shape',
	'binding',
	'asset',
])

/** Fields whose value is an object of its own, stored as a nested Y.Map so its keys merge. */
const NESTED_FIELDS: ReadonlySet<string> = new Set(['props', 'meta'])

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function nestedMapOf(value: Record<string, unknown>): Y.Map<unknown> {
	const map = new Y.Map<unknown>()
	for (const [key, inner] of Object.entries(value)) {
		if (inner !== undefined) map.set(key, inner)
	}
	return map
}

/** A new Y.Map holding `record`: top-level fields, with `props` and `meta` as nested Y.Maps. */
export function recordToYMap(record: PlainRecord): Y.Map<unknown> {
	const map = new Y.Map<unknown>()
	for (const [key, value] of Object.entries(record)) {
		if (value === undefined) continue
		map.set(key, NESTED_FIELDS.has(key) && isPlainObject(value) ? nestedMapOf(value) : value)
	}
	return map
}

function updateNestedMap(
	parent: Y.Map<unknown>,
	key: string,
	prev: Record<string, unknown> | undefined,
	next: Record<string, unknown>
) {
	const existing = parent.get(key)
	if (!(existing instanceof Y.Map)) {
		parent.set(key, nestedMapOf(next))
		return
	}
	for (const [innerKey, value] of Object.entries(next)) {
		if (prev && prev[innerKey] === value && existing.has(innerKey)) continue
		if (value === undefined) existing.delete(innerKey)
		else existing.set(innerKey, value)
	}
	if (prev) {
		for (const innerKey of Object.keys(prev)) {
			if (!(innerKey in next)) existing.delete(innerKey)
		}
	}
}

/**
 * Writes only the fields that differ between `prev` and `next` into `map`, so that a concurrent
 * change to another field (or another prop) of the same record merges instead of being replaced.
 */
export function updateYMap(map: Y.Map<unknown>, prev: PlainRecord, next: PlainRecord) {
	for (const [key, value] of Object.entries(next)) {
		const before = prev[key]
		if (before === value) continue
		if (NESTED_FIELDS.has(key) && isPlainObject(value)) {
			updateNestedMap(map, key, isPlainObject(before) ? before : undefined, value)
		} else if (value === undefined) {
			map.delete(key)
		} else {
			map.set(key, value)
		}
	}
	for (const key of Object.keys(prev)) {
		if (!(key in next)) map.delete(key)
	}
}

/** The plain record held by a Y.Map entry, or null when the entry is not a record at all. */
export function yMapToRecord(id: string, value: unknown): PlainRecord | null {
	if (!(value instanceof Y.Map)) return null
	const json = value.toJSON() as Record<string, unknown>
	if (json.id !== id || typeof json.typeName !== 'string') return null
	return json as PlainRecord
}

function jsonEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
	if (Array.isArray(a) !== Array.isArray(b)) return false
	const aKeys = Object.keys(a)
	const bKeys = Object.keys(b)
	if (aKeys.length !== bKeys.length) return false
	for (const key of aKeys) {
		if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
			return false
	}
	return true
}

/**
 * `next`, reusing every value of `prev` that is equal to it (the whole record when nothing
 * changed), as a local tldraw update would: unchanged props keep their identity, so tldraw's
 * caches (geometry, bounds, validation) are not recomputed for them.
 */
export function shareUnchanged(prev: PlainRecord | undefined, next: PlainRecord): PlainRecord {
	if (!prev) return next
	let changed = false
	const out: Record<string, unknown> = {}
	for (const [key, value] of Object.entries(next)) {
		const before = prev[key]
		if (before === value || jsonEqual(before, value)) {
			out[key] = before
			continue
		}
		changed = true
		if (NESTED_FIELDS.has(key) && isPlainObject(value) && isPlainObject(before)) {
			const inner: Record<string, unknown> = {}
			for (const [innerKey, innerValue] of Object.entries(value)) {
				inner[innerKey] = jsonEqual(before[innerKey], innerValue) ? before[innerKey] : innerValue
			}
			out[key] = inner
		} else {
			out[key] = value
		}
	}
	if (!changed && Object.keys(prev).length === Object.keys(next).length) return prev
	return out as PlainRecord
}
