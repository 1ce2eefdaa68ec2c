import {
	PageRecordType,
	type SerializedSchema,
	type TLPageId,
	type TLRecord,
	type TLShape,
	type TLStore,
} from 'tldraw'
import { makeDiagnostic } from '../../shared/model/makeDiagnostic'
import type { RestoredRecords } from '../../shared/model/restoreRecords'
import type { Diagnostic } from '../../shared/schema/diagnosticSchema'
import { SYNCED_TYPE_NAMES } from '../sync/yRecords'

/** Per-session records a tldraw file may also carry; they are not part of the map. */
const SESSION_TYPE_NAMES: ReadonlySet<string> = new Set([
	'instance',
	'instance_page_state',
	'instance_presence',
	'camera',
	'pointer',
	'user',
])

export type StoreRecordsResult =
	{ ok: true; records: TLRecord[]; diagnostics: Diagnostic[] } | { ok: false; message: string }

/**
 * Turns records that came through `restoreRecords` (the gate for anything untrusted) into
 * records this tldraw store accepts: migrated from the file's schema, validated one by one (a
 * record that fails is skipped and reported, never the whole file), with shapes whose parent is
 * missing (or a parent cycle) put on the page, arrows' bindings to missing shapes dropped and a
 * page made when the file has none. Never throws.
 */
export function storeRecordsOf(
	restored: RestoredRecords,
	fileSchema: unknown,
	schema: TLStore['schema']
): StoreRecordsResult {
	const diagnostics = [...restored.diagnostics]
	const persisted = readSchema(fileSchema, schema)
	if (typeof persisted === 'string') return { ok: false, message: persisted }

	const accepted: TLRecord[] = []
	for (const raw of restored.records) {
		if (SESSION_TYPE_NAMES.has(raw.typeName)) continue
		const id = raw.id
		if (!SYNCED_TYPE_NAMES.has(raw.typeName)) {
			diagnostics.push(
				makeDiagnostic('record-unreadable', id, `${id} is a "${raw.typeName}" record; skipped.`)
			)
			continue
		}
		let record = raw as unknown as TLRecord
		try {
			if (persisted) {
				const migrated = schema.migratePersistedRecord(record, persisted)
				if (migrated.type === 'error') {
					diagnostics.push(
						makeDiagnostic(
							'record-unreadable',
							id,
							`${id} could not be updated to this version (${migrated.reason}); skipped.`
						)
					)
					continue
				}
				record = migrated.value
			}
			const type = schema.types[record.typeName]
			if (!type) throw new Error(`unknown record type ${record.typeName}`)
			record = type.validate(record) as TLRecord
		} catch (error) {
			const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
			diagnostics.push(
				makeDiagnostic('record-unreadable', id, `${id} is not valid (${reason}); skipped.`)
			)
			continue
		}
		accepted.push(record)
	}
	return { ok: true, records: repairStructure(accepted, diagnostics), diagnostics }
}

function readSchema(value: unknown, schema: TLStore['schema']): SerializedSchema | null | string {
	if (value === undefined) return null
	const migrations = (() => {
		try {
			return schema.getMigrationsSince(value as SerializedSchema)
		} catch {
			return null
		}
	})()
	if (migrations === null || !migrations.ok) {
		return 'This file was saved by a newer version of tldraw or Delivery Map, or its schema cannot be read: update this app and try again.'
	}
	return value as SerializedSchema
}

/** Pages, parents and bindings that hold together, so the editor can show every shape. */
function repairStructure(records: TLRecord[], diagnostics: Diagnostic[]): TLRecord[] {
	const pages = records.filter((r) => r.typeName === 'page')
	const shapes = new Map<string, TLShape>()
	for (const r of records) if (r.typeName === 'shape') shapes.set(r.id, r)
	const out: TLRecord[] = records.filter((r) => r.typeName !== 'shape' && r.typeName !== 'binding')
	if (pages.length === 0) {
		const page = PageRecordType.create({
			id: 'page:page' as TLPageId,
			name: 'Page 1',
			index: 'a1' as never,
		})
		pages.push(page)
		out.push(page)
		if (shapes.size > 0) {
			diagnostics.push(
				makeDiagnostic('parent-missing', null, 'The file had no page; one was made for its shapes.')
			)
		}
	}
	const pageIds = new Set<string>(pages.map((p) => p.id))
	const firstPage = pages[0]!.id
	for (const shape of shapes.values()) {
		const placed = hasPageAncestor(shape, shapes, pageIds)
			? shape
			: { ...shape, parentId: firstPage }
		if (placed !== shape) {
			diagnostics.push(
				makeDiagnostic(
					'parent-missing',
					shape.id,
					`Shape ${shape.id}'s parent was missing or circular; it was placed on the page.`
				)
			)
			shapes.set(shape.id, placed)
		}
	}
	out.push(...shapes.values())
	for (const r of records) {
		if (r.typeName !== 'binding') continue
		if (shapes.has(r.fromId) && shapes.has(r.toId)) {
			out.push(r)
			continue
		}
		diagnostics.push(
			makeDiagnostic(
				'arrow-dangling',
				r.fromId,
				`Binding ${r.id} joins a shape that is not in the file; dropped.`
			)
		)
	}
	return out
}

function hasPageAncestor(
	shape: TLShape,
	shapes: Map<string, TLShape>,
	pageIds: Set<string>
): boolean {
	const seen = new Set<string>([shape.id])
	let parentId: string = shape.parentId
	for (;;) {
		if (pageIds.has(parentId)) return true
		const parent = shapes.get(parentId)
		if (!parent || seen.has(parentId)) return false
		seen.add(parentId)
		parentId = parent.parentId
	}
}
