import { memo, useMemo } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { milestoneFieldsOf } from '../../shared/model/milestoneFieldsOf'
import type { PlanBlocker, PlanEnabler, PlanMilestone } from '../../shared/schema/planSchema'
import { formatDate } from '../shapes/formatDate'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
import { Hidden, LinkedShapeItem, ProblemBadge, problemText } from './LinkedShapeItem'
import type { ShapeProblems } from './outlineProblems'

export interface RowShared {
	editor: Editor
	problems: ShapeProblems
	selectedIds: ReadonlySet<string>
}

export interface MilestoneItemProps {
	milestone: PlanMilestone
	enablersById: ReadonlyMap<string, PlanEnabler>
	blockersById: ReadonlyMap<string, PlanBlocker>
	/** The outline's problems and selection (one object for all rows, updated in place). */
	shared: RowShared
	/** This row's problems and selection as a string: the row renders again when it changes. */
	state: string
	expanded: boolean
	/** The tree's tab stop when it is this milestone or one of its children, otherwise null. */
	tabKey: string | null
	/** Its place among its stage's milestones (1-based), and their number. */
	posinset: number
	setsize: number
}

export function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? '' : 's'}`
}

/**
 * The milestone as the plan has it, with its own fields (title, owner, unblocker, due date,
 * status, RAG) read from its live record. An edit, here or on the canvas, local or from a peer,
 * then shows in the same render as on the canvas, not after the worker's next extraction (which
 * on a 5,000-shape map arrives a frame or two later); milestoneFieldsOf applies the plan's own
 * rules, so the two agree. Its stage and relations still come from the plan.
 */
function useLiveMilestone(editor: Editor, m: PlanMilestone): PlanMilestone {
	// The props object: a move makes a new record but keeps its props, so this row does not
	// render again while its shape is dragged.
	const props = useValue(
		'outline milestone props',
		() => {
			const shape = editor.getShape(m.id as TLShapeId)
			return shape?.type === 'milestone' ? shape.props : undefined
		},
		[editor, m.id]
	)
	return useMemo(() => (props ? { ...m, ...milestoneFieldsOf(m.id, props) } : m), [m, props])
}

/**
 * One milestone of the outline (a tree item at level 2) followed by its enablers and blockers
 * (level 3). The tree is flat in the DOM, so that each item's name is its own row: its visible
 * text, then a few words for screen readers. Memoized: a plan change that leaves this
 * milestone's object alone skips it.
 */
export const MilestoneItem = memo(function MilestoneItem({
	milestone: planned,
	enablersById,
	blockersById,
	shared,
	expanded,
	tabKey,
	posinset,
	setsize,
}: MilestoneItemProps) {
	const { problems, selectedIds } = shared
	const m = useLiveMilestone(shared.editor, planned)
	const childCount = m.enablers.length + m.blockers.length
	const hasChildren = childCount > 0
	const extra =
		`, ${milestoneStatusLabels[m.status]}` +
		(m.enablers.length > 0 ? `, ${plural(m.enablers.length, 'enabler')}` : '') +
		(m.blockers.length > 0 ? `, ${plural(m.blockers.length, 'blocker')}` : '') +
		problemText(problems, m.id)
	return (
		<>
			<li
				role="treeitem"
				aria-level={2}
				aria-setsize={setsize}
				aria-posinset={posinset}
				aria-expanded={hasChildren ? expanded : undefined}
				aria-selected={selectedIds.has(m.id)}
				tabIndex={tabKey === m.id ? 0 : -1}
				data-key={m.id}
				data-shape={m.id}
				className="dm-outline-item dm-outline-milestone"
			>
				<span
					className="dm-outline-toggle"
					data-toggle={hasChildren ? m.id : undefined}
					aria-hidden="true"
				>
					{hasChildren ? (expanded ? '▾' : '▸') : ''}
				</span>
				<Hidden>Milestone:</Hidden>{' '}
				<span className="dm-outline-title" data-empty={m.title ? undefined : 'true'}>
					{m.title || 'Untitled milestone'}
				</span>{' '}
				<span className="dm-outline-rag" data-rag={m.rag}>
					{m.rag === 'none' ? 'No RAG' : ragLabels[m.rag]}
				</span>
				<ProblemBadge problems={problems} id={m.id} />{' '}
				<span className="dm-outline-meta">
					<span data-empty={m.owner ? undefined : 'true'}>Owner: {m.owner || 'none'}</span>{' '}
					<span data-empty={m.unblocker ? undefined : 'true'}>
						Unblocker: {m.unblocker || 'none'}
					</span>{' '}
					<span data-empty={m.due ? undefined : 'true'}>
						{m.due ? `Due ${formatDate(m.due)}` : 'No due date'}
					</span>
				</span>
				<Hidden>{extra}</Hidden>
			</li>
			{hasChildren && expanded ? (
				<>
					{m.enablers.map((id, i) => {
						const entry = enablersById.get(id)
						if (!entry) return null
						const key = `${m.id}>${id}`
						return (
							<LinkedShapeItem
								key={key}
								itemKey={key}
								shape={{ kind: 'enabler', entry }}
								level={3}
								setSize={childCount}
								position={i + 1}
								problems={problems}
								selected={selectedIds.has(id)}
								tabbable={tabKey === key}
							/>
						)
					})}
					{m.blockers.map((id, i) => {
						const entry = blockersById.get(id)
						if (!entry) return null
						const key = `${m.id}>${id}`
						return (
							<LinkedShapeItem
								key={key}
								itemKey={key}
								shape={{ kind: 'blocker', entry }}
								level={3}
								setSize={childCount}
								position={m.enablers.length + i + 1}
								problems={problems}
								selected={selectedIds.has(id)}
								tabbable={tabKey === key}
							/>
						)
					})}
				</>
			) : null}
		</>
	)
})
