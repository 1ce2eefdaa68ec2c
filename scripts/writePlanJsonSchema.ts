// Writes shared/schema/plan.schema.json from planSchema (npm run schema). Commit the result:
// tests/export/planJsonSchema.test.ts fails while the committed file is stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { planJsonSchemaText } from '../shared/export/planJsonSchema'

export const PLAN_JSON_SCHEMA_PATH = fileURLToPath(
	new URL('../shared/schema/plan.schema.json', import.meta.url)
)

writeFileSync(PLAN_JSON_SCHEMA_PATH, planJsonSchemaText())
process.stdout.write(`Wrote ${PLAN_JSON_SCHEMA_PATH}\n`)
