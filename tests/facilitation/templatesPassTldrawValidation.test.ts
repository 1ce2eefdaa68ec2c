import {
	createShapeId,
	createTLStore,
	defaultBindingUtils,
	defaultShapeUtils,
	type TLRecord,
} from 'tldraw'
import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { templates } from '../../shared/templates/templates'

const TODAY = '2026-11-27'

/** A real tldraw 5.4.2 store with the default shapes, holding a document and its page. */
function newStore() {
	const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
	// tldraw's integrity check (run after remote changes) adds the document and a default page.
	store.mergeRemoteChanges(() => {})
	return store
}

describe('map templates in a real tldraw store', () => {
	it('starts from a store whose only page is page:page, the page tldraw gives a new document', () => {
		const pages = newStore()
			.allRecords()
			.filter((r) => r.typeName === 'page')
		expect(pages.map((p) => p.id)).toEqual(['page:page'])
	})

	it('rejects a record with an invalid prop, so the checks below can fail', () => {
		const [record] = templates[0]!.create(() => createShapeId())
		const broken = { ...record!, props: { ...record!.props, color: 'plaid' } }
		expect(() => newStore().put([broken as unknown as TLRecord])).toThrow()
	})

	for (const template of templates) {
		it(`${template.name}: every record passes tldraw's validation and comes back unchanged`, () => {
			const store = newStore()
			const records = template.create(() => createShapeId())
			store.put(records as unknown as TLRecord[])
			for (const record of records) {
				expect(store.get(record.id as TLRecord['id'])).toEqual(record)
			}
		})

		it(`${template.name}: tldraw's own snapshot of the store gives the promised stages`, () => {
			const store = newStore()
			store.put(template.create(() => createShapeId()) as unknown as TLRecord[])
			const snapshot = store.getStoreSnapshot()
			// Through a tldraw snapshot and back into a fresh store (migrations run on load).
			const reloaded = newStore()
			reloaded.loadStoreSnapshot(JSON.parse(JSON.stringify(snapshot)))
			const plan = extractPlan(reloaded.getStoreSnapshot(), { today: TODAY })
			expect(plan.stages.map((s) => s.name)).toEqual([...template.stages])
			expect(plan.diagnostics).toEqual([])
		})
	}
})
