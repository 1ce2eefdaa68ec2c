import { z } from 'zod'
import { blockerKindSchema, blockerSeveritySchema, blockerStatusSchema } from './blockerProps'
import { enablerServiceSchema, enablerStatusSchema } from './enablerProps'
import { checkinSchema, milestoneStatusSchema, ragSchema } from './milestoneProps'
import { diagnosticSchema } from './diagnosticSchema'

/** The plan's JSON form: a public format (JSON export, relay API, command line). Field names are fixed. */
export const PLAN_FORMAT = 'delivery-map/plan'
export const PLAN_VERSION = 1

const shapeIdSchema = z.string().startsWith('shape:')

export const planStageSchema = z.object({
	id: shapeIdSchema,
	name: z.string(),
})
export type PlanStage = z.infer<typeof planStageSchema>

export const planMilestoneSchema = z.object({
	id: shapeIdSchema,
	title: z.string(),
	outcome: z.string(),
	owner: z.string(),
	unblocker: z.string(),
	due: z.string(),
	status: milestoneStatusSchema,
	rag: ragSchema,
	checkins: z.array(checkinSchema),
	stage: shapeIdSchema.nullable(),
	/** Milestones this one depends on (they come first). */
	dependsOn: z.array(shapeIdSchema),
	enablers: z.array(shapeIdSchema),
	/** Blockers on this milestone and those on its enablers. */
	blockers: z.array(shapeIdSchema),
})
export type PlanMilestone = z.infer<typeof planMilestoneSchema>

export const planEnablerSchema = z.object({
	id: shapeIdSchema,
	service: enablerServiceSchema,
	contribution: z.string(),
	how: z.string(),
	neededBy: z.string(),
	owner: z.string(),
	status: enablerStatusSchema,
	stage: shapeIdSchema.nullable(),
	/** Milestones this enabler enables. */
	enables: z.array(shapeIdSchema),
	blockers: z.array(shapeIdSchema),
})
export type PlanEnabler = z.infer<typeof planEnablerSchema>

export const planBlockerSchema = z.object({
	id: shapeIdSchema,
	title: z.string(),
	kind: blockerKindSchema,
	owner: z.string(),
	severity: blockerSeveritySchema,
	status: blockerStatusSchema,
	stage: shapeIdSchema.nullable(),
	/** The milestones and enablers it is drawn against. */
	blocks: z.array(shapeIdSchema),
})
export type PlanBlocker = z.infer<typeof planBlockerSchema>

export const relationKindSchema = z.enum(['depends-on', 'enables', 'blocks'])
export type RelationKind = z.infer<typeof relationKindSchema>

/**
 * One arrow that the plan understood. `from` is the prerequisite, enabler or blocker; `to` the
 * milestone (or enabler) it relates to. `note` is the arrow's text. Additive to DESIGN.md's form.
 */
export const planRelationSchema = z.object({
	id: shapeIdSchema,
	kind: relationKindSchema,
	from: shapeIdSchema,
	to: shapeIdSchema,
	note: z.string(),
})
export type PlanRelation = z.infer<typeof planRelationSchema>

export const planSchema = z.object({
	format: z.literal(PLAN_FORMAT),
	version: z.literal(PLAN_VERSION),
	stages: z.array(planStageSchema),
	milestones: z.array(planMilestoneSchema),
	enablers: z.array(planEnablerSchema),
	blockers: z.array(planBlockerSchema),
	relations: z.array(planRelationSchema),
	diagnostics: z.array(diagnosticSchema),
})
export type Plan = z.infer<typeof planSchema>
