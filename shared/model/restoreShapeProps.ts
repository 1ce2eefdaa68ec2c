import type { z } from 'zod'
import type { Diagnostic } from '../schema/diagnosticSchema'
import { checkinSchema } from '../schema/milestoneProps'
import { typedShapePropsSchemas, type TypedShapeType } from '../schema/typedShapes'
import { makeDiagnostic } from './makeDiagnostic'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { compilePropsChecker } from './propsChecker'
import { isPlainObject } from './records'

type ObjectSchema = z.ZodObject<Record<string, z.ZodType>>

const isComplete = {
	milestone: compilePropsChecker(
		(typedShapePropsSchemas.milestone as unknown as ObjectSchema).shape
	),
	enabler: compilePropsChecker((typedShapePropsSchemas.enabler as unknown as ObjectSchema).shape),
	blocker: compilePropsChecker((typedShapePropsSchemas.blocker as unknown as ObjectSchema).shape),
}

/**
 * Restores the props of a milestone, enabler or blocker: unknown props are kept, missing or
 * invalid props take their schema's default, over-long text is cut. Every change is reported.
 * Props that are already complete and valid are returned as they are (the same object).
 */
export function restoreShapeProps(
	type: TypedShapeType,
	shapeId: string,
	raw: unknown,
	diagnostics: Diagnostic[]
): Record<string, unknown> {
	if (isPlainObject(raw) && isComplete[type](raw)) return raw
	const schema = typedShapePropsSchemas[type] as unknown as ObjectSchema
	const fields = schema.shape
	if (!isPlainObject(raw)) {
		diagnostics.push(
			makeDiagnostic(
				'prop-invalid',
				shapeId,
				`The ${type} had no readable props; defaults were used.`
			)
		)
		return schema.parse({}) as Record<string, unknown>
	}
	const out: Record<string, unknown> = { ...raw }
	for (const key in fields) {
		if (!(key in raw) || raw[key] === undefined) {
			diagnostics.push(
				makeDiagnostic(
					'prop-missing',
					shapeId,
					`The ${type} had no "${key}"; the default was used.`
				)
			)
		}
	}
	const whole = schema.safeParse(raw)
	if (whole.success) {
		Object.assign(out, whole.data)
	} else {
		for (const key in fields) {
			const field = fields[key]!
			if (key === 'checkins') {
				out[key] = restoreCheckins(shapeId, raw[key], diagnostics)
				continue
			}
			const result = field.safeParse(raw[key])
			if (result.success) {
				out[key] = result.data
			} else {
				out[key] = field.parse(undefined)
				diagnostics.push(
					makeDiagnostic(
						'prop-invalid',
						shapeId,
						`The ${type}'s "${key}" was ${describe(raw[key])}, which is not valid; the default ${JSON.stringify(out[key])} was used.`
					)
				)
			}
		}
	}
	capTexts(out, shapeId, diagnostics)
	return out
}

function restoreCheckins(shapeId: string, raw: unknown, diagnostics: Diagnostic[]): unknown[] {
	if (raw === undefined) return []
	if (!Array.isArray(raw)) {
		diagnostics.push(
			makeDiagnostic(
				'prop-invalid',
				shapeId,
				`The milestone's "checkins" was not a list; it was emptied.`
			)
		)
		return []
	}
	const fields = (checkinSchema as unknown as ObjectSchema).shape
	const out: unknown[] = []
	raw.forEach((entry, i) => {
		if (!isPlainObject(entry)) {
			diagnostics.push(
				makeDiagnostic(
					'prop-invalid',
					shapeId,
					`Check-in ${i + 1} could not be read and was dropped.`
				)
			)
			return
		}
		const restored: Record<string, unknown> = {}
		for (const key in fields) {
			const result = fields[key]!.safeParse(entry[key])
			if (result.success) {
				restored[key] = result.data
			} else {
				restored[key] = fields[key]!.parse(undefined)
				diagnostics.push(
					makeDiagnostic(
						'prop-invalid',
						shapeId,
						`Check-in ${i + 1}'s "${key}" was ${describe(entry[key])}, which is not valid; the default was used.`
					)
				)
			}
		}
		out.push(restored)
	})
	return out
}

function capTexts(props: Record<string, unknown>, shapeId: string, diagnostics: Diagnostic[]) {
	for (const key in props) {
		const value = props[key]
		if (typeof value === 'string' && value.length > MAX_TEXT_LENGTH) {
			props[key] = value.slice(0, MAX_TEXT_LENGTH)
			diagnostics.push(
				makeDiagnostic(
					'text-truncated',
					shapeId,
					`"${key}" had ${value.length} characters; it was cut to ${MAX_TEXT_LENGTH}.`
				)
			)
		}
	}
	if (Array.isArray(props.checkins)) {
		for (const checkin of props.checkins) {
			if (isPlainObject(checkin) && typeof checkin.note === 'string') {
				if (checkin.note.length > MAX_TEXT_LENGTH) {
					diagnostics.push(
						makeDiagnostic(
							'text-truncated',
							shapeId,
							`A check-in note had ${checkin.note.length} characters; it was cut to ${MAX_TEXT_LENGTH}.`
						)
					)
					checkin.note = checkin.note.slice(0, MAX_TEXT_LENGTH)
				}
			}
		}
	}
}

/** A short description of a bad value for a message (never the whole 50 MB string). */
export function describe(value: unknown): string {
	if (value === undefined) return 'missing'
	if (value === null) return 'null'
	if (typeof value === 'string') {
		return value.length > 40
			? `the text "${value.slice(0, 40)}…"`
			: `the text ${JSON.stringify(value)}`
	}
	if (typeof value === 'number' || typeof value === 'boolean')
		return `${typeof value} ${String(value)}`
	if (Array.isArray(value)) return 'a list'
	return `a ${typeof value}`
}
