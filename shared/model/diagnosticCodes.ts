/**
 * Every diagnostic the model can report: a stable code (never renamed: exports and the canvas
 * key on it), its severity and the SPEC.md rule that defines it.
 */
export const diagnosticCodes = {
	// Reading the input (SPEC R*)
	'input-unreadable': { severity: 'error', rule: 'R1' },
	'record-unreadable': { severity: 'error', rule: 'R2' },
	'record-duplicate-id': { severity: 'warning', rule: 'R3' },
	'prop-invalid': { severity: 'warning', rule: 'R4' },
	'prop-missing': { severity: 'info', rule: 'R4' },
	'text-truncated': { severity: 'warning', rule: 'R5' },
	'parent-missing': { severity: 'warning', rule: 'R6' },
	'parent-cycle': { severity: 'error', rule: 'R6' },
	'checkins-reordered': { severity: 'info', rule: 'R7' },
	'rag-from-checkin': { severity: 'info', rule: 'R7' },
	// Relations (SPEC A*)
	'arrow-unbound': { severity: 'warning', rule: 'A2' },
	'arrow-dangling': { severity: 'warning', rule: 'A3' },
	'arrow-ignored': { severity: 'info', rule: 'A4' },
	// Map checks (SPEC C*)
	'milestone-no-owner': { severity: 'warning', rule: 'C1' },
	'milestone-no-unblocker': { severity: 'warning', rule: 'C2' },
	'milestone-no-due': { severity: 'warning', rule: 'C3' },
	'enabler-unconnected': { severity: 'warning', rule: 'C4' },
	'blocker-unconnected': { severity: 'warning', rule: 'C5' },
	'enabler-no-when': { severity: 'warning', rule: 'C6' },
	'enabler-no-what': { severity: 'warning', rule: 'C7' },
	'enabler-late': { severity: 'error', rule: 'C8' },
	'blocker-no-owner': { severity: 'warning', rule: 'C9' },
	'blocker-high-due-soon': { severity: 'error', rule: 'C10' },
	'dependency-cycle': { severity: 'error', rule: 'C11' },
	'due-before-dependency': { severity: 'error', rule: 'C12' },
	'milestone-overdue': { severity: 'error', rule: 'C13' },
	'shape-outside-stage': { severity: 'warning', rule: 'C14' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info'; rule: string }>

export type DiagnosticCode = keyof typeof diagnosticCodes
