import { z } from 'zod'
import { dateStringSchema } from './dateString'

export const enablerServiceSchema = z.enum([
	'legal',
	'finance',
	'procurement',
	'digital',
	'hr',
	'comms',
	'data',
	'estates',
	'other',
])
export type EnablerService = z.infer<typeof enablerServiceSchema>

export const enablerStatusSchema = z.enum(['requested', 'agreed', 'delivered'])
export type EnablerStatus = z.infer<typeof enablerStatusSchema>

export const enablerPropsSchema = z.looseObject({
	w: z.number().finite().positive().default(220),
	h: z.number().finite().positive().default(140),
	service: enablerServiceSchema.default('other'),
	/** What the project needs from the service. */
	contribution: z.string().default(''),
	/** The kind of contribution: advice, approval, funding, capacity, a system change... */
	how: z.string().default(''),
	/** When it is needed. */
	neededBy: dateStringSchema.default(''),
	/** The contact in that service. */
	owner: z.string().default(''),
	status: enablerStatusSchema.default('requested'),
})
export type EnablerProps = z.infer<typeof enablerPropsSchema>
