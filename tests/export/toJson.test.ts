import { describe, expect, it } from 'vitest'
import { toJson } from '../../shared/export/toJson'
import { planSchema, type Plan } from '../../shared/schema/planSchema'
import { handBuiltPlan } from './handBuiltPlan'

/** The same plan with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(reverseKeys)
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value)
				.reverse()
				.map(([k, v]) => [k, reverseKeys(v)])
		)
	}
	return value
}

describe('JSON export', () => {
	it('is the plan itself: parsing it back gives an equal plan that passes the plan schema', () => {
		const plan = handBuiltPlan()
		const parsed: unknown = JSON.parse(toJson(plan))
		expect(parsed).toEqual(plan)
		expect(planSchema.safeParse(parsed).success).toBe(true)
	})

	it('is pretty-printed with two spaces and ends with a newline', () => {
		const text = toJson(handBuiltPlan())
		expect(
			text.startsWith('{\n  "format": "delivery-map/plan",\n  "version": 1,\n  "stages": [\n')
		).toBe(true)
		expect(text.endsWith('}\n')).toBe(true)
	})

	it('gives the same bytes whatever order the plan object keys come in', () => {
		const plan = handBuiltPlan()
		expect(toJson(reverseKeys(plan) as Plan)).toBe(toJson(plan))
	})

	it('drops keys the schema does not know and refuses a plan that breaks the schema', () => {
		const plan = { ...handBuiltPlan(), extra: 'x' } as Plan
		expect(toJson(plan)).not.toContain('extra')
		const broken = handBuiltPlan()
		;(broken.milestones[0] as { status: string }).status = 'finished'
		expect(() => toJson(broken)).toThrow(/plan schema at milestones\.0\.status/)
	})
})
