import type { z } from 'zod'
import { blockerPropsSchema, type BlockerProps } from './blockerProps'
import { enablerPropsSchema, type EnablerProps } from './enablerProps'
import { milestonePropsSchema, type MilestoneProps } from './milestoneProps'

/** The shape types that carry plan data, with the zod schema of their props. */
export const typedShapePropsSchemas = {
	milestone: milestonePropsSchema,
	enabler: enablerPropsSchema,
	blocker: blockerPropsSchema,
} as const

export type TypedShapeType = keyof typeof typedShapePropsSchemas
export const typedShapeTypes = Object.keys(typedShapePropsSchemas) as TypedShapeType[]

export interface TypedShapePropsMap {
	milestone: MilestoneProps
	enabler: EnablerProps
	blocker: BlockerProps
}

export function isTypedShapeType(type: unknown): type is TypedShapeType {
	return type === 'milestone' || type === 'enabler' || type === 'blocker'
}

/** The default props of a typed shape: every field filled from its schema's default. */
export function defaultPropsOf<T extends TypedShapeType>(type: T): TypedShapePropsMap[T] {
	return (typedShapePropsSchemas[type] as z.ZodType).parse({}) as TypedShapePropsMap[T]
}
