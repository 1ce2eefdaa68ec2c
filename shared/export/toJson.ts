import { planSchema, type Plan } from '../schema/planSchema'

/**
 * The plan itself as pretty-printed JSON (two-space indent, trailing newline). The plan is parsed
 * with `planSchema` first, which both checks it and puts every key in the schema's order, so the
 * same plan always gives the same bytes. Throws if the plan does not match the schema.
 */
export function toJson(plan: Plan): string {
	const result = planSchema.safeParse(plan)
	if (!result.success) {
		const issue = result.error.issues[0]
		const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
		throw new TypeError(`The plan does not match the plan schema${where}: ${issue?.message ?? ''}`)
	}
	return `${JSON.stringify(result.data, null, 2)}\n`
}
