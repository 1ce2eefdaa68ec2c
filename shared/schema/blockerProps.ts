import { z } from 'zod'

export const blockerKindSchema = z.enum([
	'contract',
	'approval',
	'system-change',
	'funding',
	'capacity',
	'data',
	'other',
])
export type BlockerKind = z.infer<typeof blockerKindSchema>

export const blockerSeveritySchema = z.enum(['low', 'medium', 'high'])
export type BlockerSeverity = z.infer<typeof blockerSeveritySchema>

export const blockerStatusSchema = z.enum(['open', 'resolved'])
export type BlockerStatus = z.infer<typeof blockerStatusSchema>

export const blockerPropsSchema = z.looseObject({
	w: z.number().finite().positive().default(240),
	h: z.number().finite().positive().default(120),
	/** What could delay us even if we do our part. */
	title: z.string().default(''),
	kind: blockerKindSchema.default('other'),
	/** Who unblocks it. */
	owner: z.string().default(''),
	severity: blockerSeveritySchema.default('medium'),
	status: blockerStatusSchema.default('open'),
})
export type BlockerProps = z.infer<typeof blockerPropsSchema>
