import type { ReactNode } from 'react'
import type { PlanBlocker, PlanEnabler } from '../../shared/schema/planSchema'
import { blockerStatusLabels, severityLabels } from '../shapes/BlockerShapeUtil'
import { enablerStatusLabels, serviceLabels } from '../shapes/EnablerShapeUtil'
import { formatDate } from '../shapes/formatDate'
import type { ShapeProblems } from './outlineProblems'

export function problemText(problems: ShapeProblems, id: string): string {
	const p = problems.get(id)
	if (!p) return ''
	const what = p.severity === 'error' ? 'error' : 'warning'
	return p.count === 1 ? `, 1 ${what}` : `, ${p.count} problems, worst: ${what}`
}

/** The problem count of a shape; its text comes from CSS, so it is not part of the name. */
export function ProblemBadge({ problems, id }: { problems: ShapeProblems; id: string }) {
	const p = problems.get(id)
	if (!p) return null
	return (
		<span
			className="dm-outline-problem"
			data-severity={p.severity}
			data-count={p.count > 1 ? `! ${p.count}` : '!'}
			aria-hidden="true"
		/>
	)
}

/** Words for screen readers only, at the start or the end of an item's name. */
export function Hidden({ children }: { children: string }) {
	return <span className="dm-visually-hidden">{children}</span>
}

export type LinkedShape =
	{ kind: 'enabler'; entry: PlanEnabler } | { kind: 'blocker'; entry: PlanBlocker }

export interface LinkedShapeItemProps {
	shape: LinkedShape
	itemKey: string
	/** 3 under the milestone it serves or blocks; 2 under its stage when it is linked to none. */
	level: 2 | 3
	setSize: number
	position: number
	problems: ShapeProblems
	selected: boolean
	tabbable: boolean
}

/**
 * An enabler or a blocker in the outline: under each milestone it is linked to (level 3), or,
 * linked to no milestone, under its stage (level 2), where the map checks also flag it. Either
 * way it can be reached, read and selected (and then edited) without the canvas.
 */
export function LinkedShapeItem(props: LinkedShapeItemProps) {
	const { shape, problems } = props
	const id = shape.entry.id
	// Under its stage, the row says why it is not under a milestone.
	const notLinked =
		props.level === 2 ? <span data-empty="true">Not linked to a milestone</span> : null
	let content: ReactNode
	if (shape.kind === 'enabler') {
		const e = shape.entry
		content = (
			<>
				<span className="dm-outline-kind">Enabler</span>{' '}
				<span className="dm-outline-title">
					{serviceLabels[e.service]}: {e.contribution || 'nothing named yet'}
				</span>
				<ProblemBadge problems={problems} id={id} />{' '}
				<span className="dm-outline-meta">
					{notLinked}{' '}
					<span data-empty={e.neededBy ? undefined : 'true'}>
						{e.neededBy ? `Needed by ${formatDate(e.neededBy)}` : 'No date'}
					</span>{' '}
					<span data-empty={e.owner ? undefined : 'true'}>Contact: {e.owner || 'none'}</span>
				</span>
				<Hidden>{`, ${enablerStatusLabels[e.status]}${problemText(problems, id)}`}</Hidden>
			</>
		)
	} else {
		const b = shape.entry
		content = (
			<>
				<span className="dm-outline-kind">Blocker</span>{' '}
				<span className="dm-outline-title">{b.title || 'Untitled blocker'}</span>
				<ProblemBadge problems={problems} id={id} />{' '}
				<span className="dm-outline-meta">
					{notLinked}{' '}
					<span>
						{severityLabels[b.severity]} severity, {blockerStatusLabels[b.status]}
					</span>{' '}
					<span data-empty={b.owner ? undefined : 'true'}>Unblocker: {b.owner || 'none'}</span>
				</span>
				<Hidden>{problemText(problems, id)}</Hidden>
			</>
		)
	}
	return (
		<li
			role="treeitem"
			aria-level={props.level}
			aria-setsize={props.setSize}
			aria-posinset={props.position}
			aria-selected={props.selected}
			tabIndex={props.tabbable ? 0 : -1}
			data-key={props.itemKey}
			data-shape={id}
			data-kind={shape.kind}
			data-status={shape.kind === 'blocker' ? shape.entry.status : undefined}
			className="dm-outline-item dm-outline-child"
		>
			{content}
		</li>
	)
}
