import { memo } from 'react'
import type { PlanBlocker, PlanEnabler, PlanMilestone } from '../../shared/schema/planSchema'
import { blockerStatusLabels, severityLabels } from '../shapes/BlockerShapeUtil'
import { enablerStatusLabels, serviceLabels } from '../shapes/EnablerShapeUtil'
import { formatDate } from '../shapes/formatDate'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import type { ShapeProblems } from './outlineProblems'

export interface MilestoneItemProps {
	milestone: PlanMilestone
	enablersById: ReadonlyMap<string, PlanEnabler>
	blockersById: ReadonlyMap<string, PlanBlocker>
	problems: ShapeProblems
	expanded: boolean
	/** The tree's tab stop when it is this milestone or one of its children, otherwise null. */
	tabKey: string | null
	selectedIds: ReadonlySet<string>
}

function problemText(problems: ShapeProblems, id: string): string {
	const p = problems.get(id)
	if (!p) return ''
	const what = p.severity === 'error' ? 'error' : 'warning'
	return p.count === 1 ? `1 ${what}` : `${p.count} problems, worst: ${what}`
}

function ProblemBadge({ problems, id }: { problems: ShapeProblems; id: string }) {
	const p = problems.get(id)
	if (!p) return null
	return (
		<span className="dm-outline-problem" data-severity={p.severity} aria-hidden="true">
			{p.count > 1 ? `! ${p.count}` : '!'}
		</span>
	)
}

export function milestoneLabel(m: PlanMilestone, problems: ShapeProblems): string {
	const parts = [
		`Milestone: ${m.title || 'untitled'}`,
		`RAG ${m.rag === 'none' ? 'not set' : ragLabels[m.rag]}`,
		`owner ${m.owner || 'not set'}`,
		`unblocker ${m.unblocker || 'not set'}`,
		m.due ? `due ${formatDate(m.due)}` : 'no due date',
		milestoneStatusLabels[m.status],
	]
	if (m.enablers.length > 0) parts.push(plural(m.enablers.length, 'enabler'))
	if (m.blockers.length > 0) parts.push(plural(m.blockers.length, 'blocker'))
	const problem = problemText(problems, m.id)
	if (problem) parts.push(problem)
	return parts.join(', ')
}

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * One milestone of the outline (a tree item at level 2) with its enablers and blockers as its
 * children. Memoized: a plan change that leaves this milestone's object alone skips it.
 */
export const MilestoneItem = memo(function MilestoneItem({
	milestone: m,
	enablersById,
	blockersById,
	problems,
	expanded,
	tabKey,
	selectedIds,
}: MilestoneItemProps) {
	const hasChildren = m.enablers.length + m.blockers.length > 0
	return (
		<li
			role="treeitem"
			aria-level={2}
			aria-expanded={hasChildren ? expanded : undefined}
			aria-selected={selectedIds.has(m.id)}
			aria-label={milestoneLabel(m, problems)}
			tabIndex={tabKey === m.id ? 0 : -1}
			data-key={m.id}
			data-shape={m.id}
			className="dm-outline-item"
		>
			<div className="dm-outline-row dm-outline-milestone">
				<span className="dm-outline-toggle" data-toggle={hasChildren ? m.id : undefined}>
					{hasChildren ? (expanded ? '▾' : '▸') : ''}
				</span>
				<span className="dm-outline-rag" data-rag={m.rag}>
					{m.rag === 'none' ? 'No RAG' : ragLabels[m.rag]}
				</span>
				<span className="dm-outline-title" data-empty={m.title ? undefined : 'true'}>
					{m.title || 'Untitled milestone'}
				</span>
				<ProblemBadge problems={problems} id={m.id} />
				<span className="dm-outline-meta">
					<span data-empty={m.owner ? undefined : 'true'}>Owner: {m.owner || 'none'}</span>
					<span data-empty={m.unblocker ? undefined : 'true'}>
						Unblocker: {m.unblocker || 'none'}
					</span>
					<span data-empty={m.due ? undefined : 'true'}>
						{m.due ? `Due ${formatDate(m.due)}` : 'No due date'}
					</span>
				</span>
			</div>
			{hasChildren && expanded ? (
				<ul role="group" className="dm-outline-group">
					{m.enablers.map((id) => {
						const e = enablersById.get(id)
						if (!e) return null
						const key = `${m.id}>${id}`
						const what = e.contribution || 'nothing named yet'
						const when = e.neededBy ? `needed by ${formatDate(e.neededBy)}` : 'no date'
						return (
							<li
								key={key}
								role="treeitem"
								aria-level={3}
								aria-selected={selectedIds.has(id)}
								aria-label={[
									`Enabler from ${serviceLabels[e.service]}: ${what}`,
									when,
									`contact ${e.owner || 'not set'}`,
									enablerStatusLabels[e.status],
									problemText(problems, id),
								]
									.filter(Boolean)
									.join(', ')}
								tabIndex={tabKey === key ? 0 : -1}
								data-key={key}
								data-shape={id}
								className="dm-outline-item"
							>
								<div className="dm-outline-row dm-outline-child" data-kind="enabler">
									<span className="dm-outline-kind">Enabler</span>
									<span className="dm-outline-title">
										{serviceLabels[e.service]}: {what}
									</span>
									<ProblemBadge problems={problems} id={id} />
									<span className="dm-outline-meta">
										<span data-empty={e.neededBy ? undefined : 'true'}>{when}</span>
										<span data-empty={e.owner ? undefined : 'true'}>
											Contact: {e.owner || 'none'}
										</span>
									</span>
								</div>
							</li>
						)
					})}
					{m.blockers.map((id) => {
						const b = blockersById.get(id)
						if (!b) return null
						const key = `${m.id}>${id}`
						return (
							<li
								key={key}
								role="treeitem"
								aria-level={3}
								aria-selected={selectedIds.has(id)}
								aria-label={[
									`Blocker: ${b.title || 'untitled'}`,
									`${severityLabels[b.severity]} severity`,
									blockerStatusLabels[b.status],
									`unblocked by ${b.owner || 'nobody yet'}`,
									problemText(problems, id),
								]
									.filter(Boolean)
									.join(', ')}
								tabIndex={tabKey === key ? 0 : -1}
								data-key={key}
								data-shape={id}
								className="dm-outline-item"
							>
								<div
									className="dm-outline-row dm-outline-child"
									data-kind="blocker"
									data-status={b.status}
								>
									<span className="dm-outline-kind">Blocker</span>
									<span className="dm-outline-title">{b.title || 'Untitled blocker'}</span>
									<ProblemBadge problems={problems} id={id} />
									<span className="dm-outline-meta">
										<span>
											{severityLabels[b.severity]} · {blockerStatusLabels[b.status]}
										</span>
										<span data-empty={b.owner ? undefined : 'true'}>
											Unblocker: {b.owner || 'none'}
										</span>
									</span>
								</div>
							</li>
						)
					})}
				</ul>
			) : null}
		</li>
	)
})
