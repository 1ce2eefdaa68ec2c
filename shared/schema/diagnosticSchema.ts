import { z } from 'zod'
import { diagnosticCodes } from '../model/diagnosticCodes'

export const diagnosticSeveritySchema = z.enum(['error', 'warning', 'info'])
export type DiagnosticSeverity = z.infer<typeof diagnosticSeveritySchema>

export const diagnosticCodeSchema = z.enum(
	Object.keys(diagnosticCodes) as [
		keyof typeof diagnosticCodes,
		...(keyof typeof diagnosticCodes)[],
	]
)

export const diagnosticSchema = z.object({
	code: diagnosticCodeSchema,
	severity: diagnosticSeveritySchema,
	/** The shape (or record) the diagnostic is about, or null for the whole file. */
	shapeId: z.string().nullable(),
	message: z.string(),
})
export type Diagnostic = z.infer<typeof diagnosticSchema>
