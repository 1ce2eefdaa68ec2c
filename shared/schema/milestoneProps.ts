import { z } from 'zod'
import { dateStringSchema } from './dateString'

export const milestoneStatusSchema = z.enum(['not-started', 'in-progress', 'done'])
export type MilestoneStatus = z.infer<typeof milestoneStatusSchema>

export const ragSchema = z.enum(['none', 'green', 'amber', 'red'])
export type Rag = z.infer<typeof ragSchema>

/** One monthly check-in: the RAG status on that date and one learning or next step. */
export const checkinSchema = z.object({
	date: dateStringSchema.default(''),
	rag: ragSchema.default('none'),
	note: z.string().default(''),
})
export type Checkin = z.infer<typeof checkinSchema>

export const milestonePropsSchema = z.looseObject({
	w: z.number().finite().positive().default(240),
	h: z.number().finite().positive().default(156),
	title: z.string().default(''),
	outcome: z.string().default(''),
	owner: z.string().default(''),
	unblocker: z.string().default(''),
	due: dateStringSchema.default(''),
	status: milestoneStatusSchema.default('not-started'),
	rag: ragSchema.default('none'),
	checkins: z.array(checkinSchema).default([]),
})
export type MilestoneProps = z.infer<typeof milestonePropsSchema>
