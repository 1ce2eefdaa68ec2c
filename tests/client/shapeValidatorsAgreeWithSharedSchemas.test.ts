import { T } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
	typedShapePropsSchemas,
	defaultPropsOf,
	typedShapeTypes,
} from '../../shared/schema/typedShapes'
import { customShapeUtils } from '../../client/shapes/customShapeUtils'

/** Values of many kinds, valid and not, to throw at both validators. Seeded, so replayable. */
function candidates(seed: number): unknown[] {
	let state = seed
	const random = () => {
		state = (Math.imul(state, 1664525) + 1013904223) >>> 0
		return state / 2 ** 32
	}
	const fixed: unknown[] = [
		'',
		'x',
		'2026-03-31',
		'2027-02-30',
		'2026-13-01',
		'31/03/2026',
		0,
		-1,
		1,
		240,
		Number.NaN,
		Number.POSITIVE_INFINITY,
		null,
		undefined,
		true,
		[],
		{},
		[{ date: '2026-01-31', rag: 'green', note: 'ok' }],
		[{ date: 'soon', rag: 'green', note: '' }],
		[{ date: '2026-01-31', rag: 'purple', note: '' }],
		[{ date: '2026-01-31', rag: 'red' }],
		'not-started',
		'in-progress',
		'done',
		'none',
		'green',
		'amber',
		'red',
		'legal',
		'digital',
		'requested',
		'agreed',
		'delivered',
		'contract',
		'system-change',
		'low',
		'medium',
		'high',
		'open',
		'resolved',
		'LEGAL',
	]
	const random20 = Array.from({ length: 20 }, () => {
		const pick = random()
		if (pick < 0.3) return Math.round((random() - 0.3) * 1000)
		if (pick < 0.6)
			return `2026-${String(Math.ceil(random() * 13)).padStart(2, '0')}-${String(Math.ceil(random() * 31)).padStart(2, '0')}`
		return random()
			.toString(36)
			.slice(2, 2 + Math.floor(random() * 8))
	})
	return [...fixed, ...random20]
}

function zodAccepts(schema: z.ZodType, value: unknown) {
	const strict = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema
	return strict.safeParse(value).success
}

function tldrawAccepts(validator: T.Validatable<unknown>, value: unknown) {
	try {
		validator.validate(value)
		return true
	} catch {
		return false
	}
}

describe('the tldraw shape validators', () => {
	for (const type of typedShapeTypes) {
		const util = customShapeUtils.find((u) => u.type === type)!
		const schema = typedShapePropsSchemas[type]

		it(`of ${type} have exactly the props of the shared schema`, () => {
			expect(Object.keys(util.props!).sort()).toEqual(Object.keys(schema.shape).sort())
		})

		it(`of ${type} use the shared schema's defaults`, () => {
			const instance = new util({} as never)
			expect(instance.getDefaultProps()).toEqual(defaultPropsOf(type))
			expect(() =>
				T.object(util.props as Record<string, T.Validatable<unknown>>).validate(
					defaultPropsOf(type)
				)
			).not.toThrow()
		})

		it(`of ${type} accept and reject the same values as the shared schema, prop by prop`, () => {
			const props = util.props as Record<string, T.Validatable<unknown>>
			for (const seed of [1, 2, 3]) {
				for (const [key, fieldSchema] of Object.entries(schema.shape)) {
					for (const value of candidates(seed)) {
						const expected = zodAccepts(fieldSchema as z.ZodType, value)
						expect(
							tldrawAccepts(props[key]!, value),
							`${type}.${key} = ${JSON.stringify(value)}`
						).toBe(expected)
					}
				}
			}
		})
	}

	it('reject a milestone whose due date is not a real date', () => {
		const util = customShapeUtils.find((u) => u.type === 'milestone')!
		const props = { ...defaultPropsOf('milestone'), due: '2027-02-30' }
		expect(() =>
			T.object(util.props as Record<string, T.Validatable<unknown>>).validate(props)
		).toThrow(/date/)
	})
})
