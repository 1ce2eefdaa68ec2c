import { describe, expect, it } from 'vitest'
import { compareSchemas } from '../../client/sync/compareSchemas'

const ours = {
	schemaVersion: 2,
	sequences: { 'com.tldraw.shape.milestone': 0, 'com.tldraw.page': 1 },
}

describe('compareSchemas', () => {
	it('calls a document written with the same schema the same', () => {
		expect(compareSchemas(ours, structuredClone(ours))).toBe('same')
	})

	it('calls a document with a higher sequence version newer', () => {
		const docs = { schemaVersion: 2, sequences: { ...ours.sequences, 'com.tldraw.page': 2 } }
		expect(compareSchemas(ours, docs)).toBe('doc-newer')
	})

	it('calls a document with a sequence we do not know newer', () => {
		const docs = { schemaVersion: 2, sequences: { ...ours.sequences, 'com.example.shape.new': 0 } }
		expect(compareSchemas(ours, docs)).toBe('doc-newer')
	})

	it('calls a document with a lower or missing sequence older', () => {
		expect(
			compareSchemas(ours, {
				schemaVersion: 2,
				sequences: { ...ours.sequences, 'com.tldraw.page': 0 },
			})
		).toBe('doc-older')
		expect(compareSchemas(ours, { schemaVersion: 2, sequences: { 'com.tldraw.page': 1 } })).toBe(
			'doc-older'
		)
	})

	it('calls anything that is not a version 2 schema unreadable', () => {
		expect(compareSchemas(ours, { schemaVersion: 1, recordVersions: {} })).toBe('unreadable')
		expect(compareSchemas(ours, 'schema')).toBe('unreadable')
		expect(compareSchemas(ours, { schemaVersion: 2, sequences: { a: 'one' } })).toBe('unreadable')
	})
})
