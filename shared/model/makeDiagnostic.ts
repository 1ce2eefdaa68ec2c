import type { Diagnostic } from '../schema/diagnosticSchema'
import { diagnosticCodes, type DiagnosticCode } from './diagnosticCodes'

/** A diagnostic with the severity its code has in the table (never chosen ad hoc). */
export function makeDiagnostic(
	code: DiagnosticCode,
	shapeId: string | null,
	message: string
): Diagnostic {
	return { code, severity: diagnosticCodes[code].severity, shapeId, message }
}
