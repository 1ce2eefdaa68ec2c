import type { BlockerKind, BlockerSeverity, BlockerStatus } from '../schema/blockerProps'
import type { DiagnosticSeverity } from '../schema/diagnosticSchema'
import type { EnablerService, EnablerStatus } from '../schema/enablerProps'
import type { MilestoneStatus, Rag } from '../schema/milestoneProps'

/** The words a person reads in an export for each enum value of the plan. */
export const exportLabels = {
	milestoneStatus: {
		'not-started': 'Not started',
		'in-progress': 'In progress',
		done: 'Done',
	} satisfies Record<MilestoneStatus, string>,
	rag: {
		none: 'Not set',
		green: 'Green',
		amber: 'Amber',
		red: 'Red',
	} satisfies Record<Rag, string>,
	/** A colour cue shown beside the RAG label, never instead of it. */
	ragEmoji: {
		none: '',
		green: '🟢',
		amber: '🟠',
		red: '🔴',
	} satisfies Record<Rag, string>,
	service: {
		legal: 'Legal',
		finance: 'Finance',
		procurement: 'Procurement',
		digital: 'Digital',
		hr: 'HR',
		comms: 'Comms',
		data: 'Data',
		estates: 'Estates',
		other: 'Other service',
	} satisfies Record<EnablerService, string>,
	enablerStatus: {
		requested: 'Requested',
		agreed: 'Agreed',
		delivered: 'Delivered',
	} satisfies Record<EnablerStatus, string>,
	blockerKind: {
		contract: 'Contract',
		approval: 'Approval',
		'system-change': 'System change',
		funding: 'Funding',
		capacity: 'Capacity',
		data: 'Data',
		other: 'Other',
	} satisfies Record<BlockerKind, string>,
	severity: {
		low: 'Low',
		medium: 'Medium',
		high: 'High',
	} satisfies Record<BlockerSeverity, string>,
	blockerStatus: {
		open: 'Open',
		resolved: 'Resolved',
	} satisfies Record<BlockerStatus, string>,
	diagnosticSeverity: {
		error: 'Errors',
		warning: 'Warnings',
		info: 'Information',
	} satisfies Record<DiagnosticSeverity, string>,
} as const
