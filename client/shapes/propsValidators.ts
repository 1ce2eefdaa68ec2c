import { T } from 'tldraw'
import { z } from 'zod'

/** Strips the index signature that `z.looseObject` adds, leaving only the declared props. */
export type DeclaredProps<P> = { [K in keyof P as string extends K ? never : K]: P[K] }

type ValidatorsOf<P> = { [K in keyof P]: T.Validatable<P[K]> }

/**
 * tldraw validators derived from a `shared/` zod props schema, so the two cannot drift: each prop
 * is checked by the zod schema of that field with its default removed (tldraw always stores every
 * prop, so a missing prop is an error here, not a default).
 */
export function propsValidatorsFrom<S extends z.ZodObject>(
	schema: S
): ValidatorsOf<DeclaredProps<z.infer<S>>> {
	const validators: Record<string, T.Validatable<unknown>> = {}
	for (const [key, fieldSchema] of Object.entries(schema.shape)) {
		const strict = fieldSchema instanceof z.ZodDefault ? fieldSchema.unwrap() : fieldSchema
		validators[key] = new T.Validator((value: unknown) => {
			const result = (strict as z.ZodType).safeParse(value)
			if (!result.success) {
				const issue = result.error.issues[0]
				throw new T.ValidationError(issue?.message ?? 'invalid value', [key])
			}
			return value
		})
	}
	return validators as ValidatorsOf<DeclaredProps<z.infer<S>>>
}
