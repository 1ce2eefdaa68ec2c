import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { planJsonSchema, planJsonSchemaText } from '../../shared/export/planJsonSchema'

const committedPath = new URL('../../shared/schema/plan.schema.json', import.meta.url)

describe('published plan JSON Schema', () => {
	it('is up to date with planSchema (run `npm run schema` and commit if this fails)', () => {
		expect(readFileSync(committedPath, 'utf8')).toBe(planJsonSchemaText())
	})

	it('describes every plan field as required, with the format and version fixed', () => {
		const schema = planJsonSchema() as {
			$schema: string
			required: string[]
			properties: Record<string, { const?: unknown; items?: { required?: string[] } }>
		}
		expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
		expect(schema.required).toEqual([
			'format',
			'version',
			'stages',
			'milestones',
			'enablers',
			'blockers',
			'relations',
			'diagnostics',
		])
		expect(schema.properties.format!.const).toBe('delivery-map/plan')
		expect(schema.properties.version!.const).toBe(1)
		expect(schema.properties.milestones!.items!.required).toEqual([
			'id',
			'title',
			'outcome',
			'owner',
			'unblocker',
			'due',
			'status',
			'rag',
			'checkins',
			'stage',
			'dependsOn',
			'enablers',
			'blockers',
		])
		expect(JSON.stringify(schema)).not.toContain('starts_with')
	})
})
