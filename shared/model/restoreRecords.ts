import type { Diagnostic } from '../schema/diagnosticSchema'
import { isTypedShapeType } from '../schema/typedShapes'
import { IdIndex } from './IdIndex'
import { makeDiagnostic } from './makeDiagnostic'
import { isPlainObject, type RecordLike } from './records'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { describe, restoreShapeProps } from './restoreShapeProps'

export interface RestoredRecords {
	records: RecordLike[]
	diagnostics: Diagnostic[]
}

const restored = new WeakSet<RestoredRecords>()
const positionsByResult = new WeakMap<RestoredRecords, IdIndex>()

/** True for a value that `restoreRecords` returned (so extraction need not restore it again). */
export function isRestoredRecords(value: unknown): value is RestoredRecords {
	return typeof value === 'object' && value !== null && restored.has(value as RestoredRecords)
}

/**
 * The position of each record in a result of `restoreRecords`, by id (extraction looks shapes up
 * by id; this saves it building a second index). A result whose record list was changed after
 * restoring gets a fresh index.
 */
export function positionsOf(result: RestoredRecords): IdIndex {
	const known = positionsByResult.get(result)
	if (known && known.size === result.records.length) return known
	const { records } = result
	const positions = new IdIndex(records, records.length)
	for (let i = 0; i < records.length; i++) positions.add(records[i]!.id, i)
	positionsByResult.set(result, positions)
	return positions
}

/**
 * The one restore path for untrusted records (a file, a peer, a browser store). Reads a `.tldr`
 * file (`{ tldrawFileFormatVersion, schema, records }`), a store snapshot (`{ store, schema }` or
 * `{ document: { store, schema } }`) or a plain array of records. Keeps unknown props, fills
 * missing or invalid props with defaults, skips records it cannot read, and reports each thing
 * it did as a diagnostic. Never throws.
 */
export function restoreRecords(input: unknown): RestoredRecords {
	const diagnostics: Diagnostic[] = []
	const result: RestoredRecords = { records: [], diagnostics }
	restored.add(result)
	let raw: unknown[]
	try {
		const found = findRecords(input)
		if (typeof found === 'string') {
			diagnostics.push(makeDiagnostic('input-unreadable', null, found))
			return result
		}
		raw = found
	} catch {
		diagnostics.push(makeDiagnostic('input-unreadable', null, 'The input could not be read.'))
		return result
	}

	// Room for every record up front (most inputs keep them all); cut to size at the end.
	const records: RecordLike[] = new Array(raw.length)
	// Where each id's record sits in `records` (kept for extraction: see positionsOf).
	const positions = new IdIndex(records, raw.length)
	positionsByResult.set(result, positions)
	let kept = 0
	// Content keys of records whose id was seen twice (rare: computed only then).
	const keys = new Map<string, string>()
	for (let i = 0; i < raw.length; i++) {
		let record: RecordLike | null
		try {
			record = restoreRecord(raw[i], diagnostics)
		} catch {
			record = null
			diagnostics.push(
				makeDiagnostic('record-unreadable', null, 'A record could not be read and was skipped.')
			)
		}
		if (!record) continue
		// The index reads ids from `records`: the record goes in first, and stays if its id is new.
		records[kept] = record
		const at = positions.add(record.id, kept)
		if (at < 0) {
			kept++
			continue
		}
		// Keep one of the duplicates, chosen by content so the choice does not depend on order.
		const existingKey = keys.get(record.id) ?? stableKey(records[at]!)
		const key = stableKey(record)
		if (key < existingKey) {
			records[at] = record
			keys.set(record.id, key)
		} else {
			keys.set(record.id, existingKey)
		}
		diagnostics.push(
			makeDiagnostic(
				'record-duplicate-id',
				record.id,
				`More than one record has the id ${record.id}; one was kept and the others were ignored.`
			)
		)
	}
	records.length = kept
	result.records = records
	return result
}

function findRecords(input: unknown): unknown[] | string {
	if (Array.isArray(input)) return input
	if (!isPlainObject(input)) {
		return `Expected a tldraw file, a store snapshot or a list of records, but got ${describe(input)}.`
	}
	if ('records' in input) {
		if (!Array.isArray(input.records)) return 'The file has "records", but it is not a list.'
		return input.records
	}
	const store = isPlainObject(input.document) ? input.document.store : input.store
	if (isPlainObject(store)) return Object.values(store)
	return 'This is not a tldraw file: it has neither "records" (a .tldr file) nor "store" (a store snapshot).'
}

function restoreRecord(raw: unknown, diagnostics: Diagnostic[]): RecordLike | null {
	if (!isPlainObject(raw)) {
		diagnostics.push(
			makeDiagnostic(
				'record-unreadable',
				null,
				`A record was ${describe(raw)}, not a record; it was skipped.`
			)
		)
		return null
	}
	const id = raw.id
	if (typeof id !== 'string' || id === '' || id.length > 1000) {
		diagnostics.push(
			makeDiagnostic('record-unreadable', null, `A record has no usable id; it was skipped.`)
		)
		return null
	}
	if (typeof raw.typeName !== 'string') {
		diagnostics.push(
			makeDiagnostic('record-unreadable', id, `Record ${id} has no "typeName"; skipped.`)
		)
		return null
	}
	if (raw.typeName === 'shape') return restoreShape(raw, id, diagnostics)
	if (raw.typeName === 'binding') return restoreBinding(raw, id, diagnostics)
	return raw as RecordLike
}

function restoreShape(
	raw: Record<string, unknown>,
	id: string,
	diagnostics: Diagnostic[]
): RecordLike | null {
	if (!id.startsWith('shape:')) {
		diagnostics.push(
			makeDiagnostic(
				'record-unreadable',
				id,
				`Shape ${id} has an id that does not start with "shape:"; skipped.`
			)
		)
		return null
	}
	if (typeof raw.type !== 'string' || raw.type === '') {
		diagnostics.push(makeDiagnostic('record-unreadable', id, `Shape ${id} has no "type"; skipped.`))
		return null
	}
	let shape: Record<string, unknown> = raw
	if (!isFiniteNumber(raw.x)) shape = zeroed(shape, raw, 'x', id, diagnostics)
	if (!isFiniteNumber(raw.y)) shape = zeroed(shape, raw, 'y', id, diagnostics)
	if (!isFiniteNumber(raw.rotation)) shape = zeroed(shape, raw, 'rotation', id, diagnostics)
	if (typeof raw.parentId !== 'string') {
		shape = writable(shape, raw)
		shape.parentId = 'page:page'
		diagnostics.push(
			makeDiagnostic('prop-invalid', id, `Shape ${id} had no parent; it was placed on the page.`)
		)
	}
	if (typeof raw.index !== 'string') {
		shape = writable(shape, raw)
		shape.index = 'a1'
	}
	if (isTypedShapeType(raw.type)) {
		const props = restoreShapeProps(raw.type, id, raw.props, diagnostics)
		if (props !== raw.props) {
			shape = writable(shape, raw)
			shape.props = props
		}
		return shape as RecordLike
	}
	if (!isPlainObject(raw.props)) {
		diagnostics.push(makeDiagnostic('prop-invalid', id, `Shape ${id} had no readable props.`))
		shape = writable(shape, raw)
		shape.props = {}
	}
	const props = shape.props as Record<string, unknown>
	if (raw.type === 'frame' && typeof props.name !== 'string') {
		if (props.name !== undefined) {
			diagnostics.push(
				makeDiagnostic(
					'prop-invalid',
					id,
					`Stage ${id}'s name was ${describe(props.name)}; it was left empty.`
				)
			)
		}
		shape = writable(shape, raw)
		shape.props = { ...props, name: '' }
	} else if (typeof props.name === 'string' && props.name.length > MAX_TEXT_LENGTH) {
		diagnostics.push(
			makeDiagnostic(
				'text-truncated',
				id,
				`A stage name had ${props.name.length} characters; it was cut.`
			)
		)
		shape = writable(shape, raw)
		shape.props = { ...props, name: props.name.slice(0, MAX_TEXT_LENGTH) }
	}
	return shape as RecordLike
}

/** The shape to write to: a copy of the raw record, made on the first change only. */
function writable(shape: Record<string, unknown>, raw: Record<string, unknown>) {
	return shape === raw ? { ...raw } : shape
}

function isFiniteNumber(value: unknown): boolean {
	return typeof value === 'number' && Number.isFinite(value)
}

/** A copy of the shape (made once) with `key` set to 0, and a diagnostic saying so. */
function zeroed(
	shape: Record<string, unknown>,
	raw: Record<string, unknown>,
	key: 'x' | 'y' | 'rotation',
	id: string,
	diagnostics: Diagnostic[]
): Record<string, unknown> {
	const value = raw[key]
	const copy = writable(shape, raw)
	copy[key] = 0
	const code = value === undefined ? 'prop-missing' : 'prop-invalid'
	diagnostics.push(
		makeDiagnostic(code, id, `Shape ${id}'s "${key}" was ${describe(value)}; 0 was used.`)
	)
	return copy
}

function restoreBinding(
	raw: Record<string, unknown>,
	id: string,
	diagnostics: Diagnostic[]
): RecordLike | null {
	if (
		typeof raw.fromId !== 'string' ||
		typeof raw.toId !== 'string' ||
		typeof raw.type !== 'string'
	) {
		diagnostics.push(
			makeDiagnostic(
				'record-unreadable',
				id,
				`Binding ${id} lacks "type", "fromId" or "toId"; skipped.`
			)
		)
		return null
	}
	if (isPlainObject(raw.props)) return raw as RecordLike
	return { ...raw, props: {} } as unknown as RecordLike
}

function stableKey(record: RecordLike): string {
	try {
		return JSON.stringify(record) ?? ''
	} catch {
		return ''
	}
}
