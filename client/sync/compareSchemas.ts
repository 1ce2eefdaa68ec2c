/** How the document's tldraw schema relates to this client's. */
export type SchemaRelation = 'same' | 'doc-older' | 'doc-newer' | 'unreadable'

interface SchemaV2 {
	schemaVersion: 2
	sequences: Record<string, number>
}

function asSchemaV2(value: unknown): SchemaV2 | null {
	if (typeof value !== 'object' || value === null) return null
	const candidate = value as { schemaVersion?: unknown; sequences?: unknown }
	if (candidate.schemaVersion !== 2) return null
	if (typeof candidate.sequences !== 'object' || candidate.sequences === null) return null
	for (const version of Object.values(candidate.sequences)) {
		if (typeof version !== 'number' || !Number.isInteger(version)) return null
	}
	return candidate as SchemaV2
}

/**
 * Compares the `SerializedSchema` a document was written with to ours. A sequence we do not know,
 * or a higher version of one we do, means the document is newer; a lower or missing one, older.
 */
export function compareSchemas(ours: unknown, docs: unknown): SchemaRelation {
	const mine = asSchemaV2(ours)
	const theirs = asSchemaV2(docs)
	if (!mine || !theirs) return 'unreadable'
	let newer = false
	let older = false
	for (const [sequence, version] of Object.entries(theirs.sequences)) {
		const own = mine.sequences[sequence]
		if (own === undefined || version > own) newer = true
		else if (version < own) older = true
	}
	for (const sequence of Object.keys(mine.sequences)) {
		if (!(sequence in theirs.sequences)) older = true
	}
	if (newer) return 'doc-newer'
	if (older) return 'doc-older'
	return 'same'
}
