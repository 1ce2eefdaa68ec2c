import { z } from 'zod'
import { planSchema, PLAN_FORMAT, PLAN_VERSION } from '../schema/planSchema'

/**
 * The published JSON Schema (draft 2020-12) of the plan's JSON form, generated from `planSchema`
 * so that the two cannot drift. `npm run schema` writes it to `shared/schema/plan.schema.json`.
 */
export function planJsonSchema(): Record<string, unknown> {
	const generated = z.toJSONSchema(planSchema, {
		target: 'draft-2020-12',
		io: 'output',
		// zod writes `"format": "starts_with"` beside the pattern: not a JSON Schema format, and
		// strict validators (Ajv) reject unknown formats. The pattern says it all.
		override: ({ jsonSchema }) => {
			if (jsonSchema.format === 'starts_with') delete jsonSchema.format
		},
	})
	const { $schema, ...rest } = generated
	return {
		$schema,
		title: 'Delivery Map plan',
		description: `The milestone list extracted from a delivery map ("format": "${PLAN_FORMAT}", "version": ${PLAN_VERSION}). Exported as JSON, served by the relay and printed by the command line.`,
		...rest,
	}
}

/** The schema file's exact text: two-space indent and a trailing newline. */
export function planJsonSchemaText(): string {
	return `${JSON.stringify(planJsonSchema(), null, 2)}\n`
}
