import { planSchema, type Plan } from '../../shared/schema/planSchema'

/**
 * A plan built by hand (not by extractPlan) that exercises every exporter branch: two stages,
 * a milestone outside any stage, dependencies, a blocker reaching a milestone through its
 * enabler, shapes linked to no milestone, arrow notes, and hostile user text.
 */
export function handBuiltPlan(): Plan {
	return planSchema.parse({
		format: 'delivery-map/plan',
		version: 1,
		stages: [
			{ id: 'shape:s-discover', name: 'Discover' },
			{ id: 'shape:s-deliver', name: 'Deliver, then "embed"' },
			{ id: 'shape:s-empty', name: '' },
		],
		milestones: [
			{
				id: 'shape:m-needs',
				title: 'Needs mapped',
				outcome: 'We know which homes are cold',
				owner: 'Priya',
				unblocker: 'Sam',
				due: '2027-01-31',
				status: 'done',
				rag: 'green',
				checkins: [
					{ date: '2026-10-30', rag: 'amber', note: 'Survey slow' },
					{ date: '2026-11-27', rag: 'green', note: 'Survey done, 412 replies' },
				],
				stage: 'shape:s-discover',
				dependsOn: [],
				enablers: [],
				blockers: [],
			},
			{
				id: 'shape:m-offer',
				title: 'Offer *co-designed*, [tested]',
				outcome: '',
				owner: 'Jo; Housing',
				unblocker: '',
				due: '2027-04-30',
				status: 'in-progress',
				rag: 'amber',
				checkins: [],
				stage: 'shape:s-deliver',
				dependsOn: ['shape:m-needs'],
				enablers: ['shape:e-legal'],
				blockers: ['shape:b-direct', 'shape:b-via'],
			},
			{
				id: 'shape:m-stray',
				title: '=HYPERLINK("http://evil.example","click")',
				outcome: 'Line one\nline two, with; punctuation\\',
				owner: '@alice',
				unblocker: '-bob',
				due: '',
				status: 'not-started',
				rag: 'none',
				checkins: [{ date: '2026-11-01', rag: 'red', note: '+1 for "quotes"\r\nand a new line' }],
				stage: null,
				dependsOn: ['shape:m-needs', 'shape:m-offer'],
				enablers: [],
				blockers: [],
			},
		],
		enablers: [
			{
				id: 'shape:e-legal',
				service: 'legal',
				contribution: 'Data-sharing agreement',
				how: 'advice',
				neededBy: '2027-02-15',
				owner: 'Lee',
				status: 'requested',
				stage: 'shape:s-discover',
				enables: ['shape:m-offer'],
				blockers: ['shape:b-via'],
			},
			{
				id: 'shape:e-loose',
				service: 'hr',
				contribution: 'Two secondments',
				how: '',
				neededBy: '',
				owner: '',
				status: 'agreed',
				stage: null,
				enables: [],
				blockers: [],
			},
		],
		blockers: [
			{
				id: 'shape:b-direct',
				title: 'Framework expires',
				kind: 'contract',
				owner: 'Alex',
				severity: 'high',
				status: 'open',
				stage: 'shape:s-deliver',
				blocks: ['shape:m-offer'],
			},
			{
				id: 'shape:b-via',
				title: 'Consent pending',
				kind: 'approval',
				owner: '',
				severity: 'medium',
				status: 'resolved',
				stage: 'shape:s-discover',
				blocks: ['shape:e-legal'],
			},
			{
				id: 'shape:b-loose',
				title: '# Not a heading',
				kind: 'other',
				owner: 'Kim',
				severity: 'low',
				status: 'open',
				stage: 'shape:s-discover',
				blocks: [],
			},
		],
		relations: [
			{
				id: 'shape:a1',
				kind: 'depends-on',
				from: 'shape:m-needs',
				to: 'shape:m-offer',
				note: 'needs the survey',
			},
			{ id: 'shape:a2', kind: 'enables', from: 'shape:e-legal', to: 'shape:m-offer', note: '' },
			{
				id: 'shape:a3',
				kind: 'blocks',
				from: 'shape:b-direct',
				to: 'shape:m-offer',
				note: 'renew by March',
			},
			{
				id: 'shape:a4',
				kind: 'blocks',
				from: 'shape:b-via',
				to: 'shape:e-legal',
				note: 'council sign-off',
			},
			{ id: 'shape:a5', kind: 'depends-on', from: 'shape:m-needs', to: 'shape:m-stray', note: '' },
			{ id: 'shape:a6', kind: 'depends-on', from: 'shape:m-offer', to: 'shape:m-stray', note: '' },
		],
		diagnostics: [
			{
				code: 'milestone-no-unblocker',
				severity: 'warning',
				shapeId: 'shape:m-offer',
				message: 'This milestone has no unblocker.',
			},
			{
				code: 'milestone-no-due',
				severity: 'warning',
				shapeId: 'shape:m-stray',
				message: 'This milestone has no due date.',
			},
			{
				code: 'blocker-high-due-soon',
				severity: 'error',
				shapeId: 'shape:b-direct',
				message: 'An open high-severity blocker is on a milestone due within 30 days.',
			},
			{
				code: 'shape-outside-stage',
				severity: 'warning',
				shapeId: 'shape:m-stray',
				message: 'This shape is outside any stage.',
			},
			{
				code: 'rag-from-checkin',
				severity: 'info',
				shapeId: null,
				message: 'RAG taken from the newest check-in.',
			},
		],
	})
}

/** A plan with nothing in it. */
export function emptyPlan(): Plan {
	return planSchema.parse({
		format: 'delivery-map/plan',
		version: 1,
		stages: [],
		milestones: [],
		enablers: [],
		blockers: [],
		relations: [],
		diagnostics: [],
	})
}
