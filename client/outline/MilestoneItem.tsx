import { memo, useMemo, type ReactNode } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { milestoneFieldsOf } from '../../shared/model/milestoneFieldsOf'
import type { PlanBlocker, PlanEnabler, PlanMilestone } from '../../shared/schema/planSchema'
import { blockerStatusLabels, severityLabels } from '../shapes/BlockerShapeUtil'
import { enablerStatusLabels, serviceLabels } from '../shapes/EnablerShapeUtil'
import { formatDate } from '../shapes/formatDate'
import { milestoneStatusLabels, ragLabels } from '../shapes/MilestoneShapeUtil'
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

function problemText(problems: ShapeProblems, id: string): string {
	const p = problems.get(id)
	if (!p) return ''
	const what = p.severity === 'error' ? 'error' : 'warning'
	return p.count === 1 ? `, 1 ${what}` : `, ${p.count} problems, worst: ${what}`
}

/** The problem count of a shape; its text comes from CSS, so it is not part of the name. */
function ProblemBadge({ problems, id }: { problems: ShapeProblems; id: string }) {
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

/** An enabler or blocker row under its milestone (level 3 of the tree). */
function ChildItem(props: {
	itemKey: string
	id: string
	kind: 'enabler' | 'blocker'
	status?: string
	setSize: number
	position: number
	selected: boolean
	tabbable: boolean
	children: ReactNode
}) {
	return (
		<li
			role="treeitem"
			aria-level={3}
			aria-setsize={props.setSize}
			aria-posinset={props.position}
			aria-selected={props.selected}
			tabIndex={props.tabbable ? 0 : -1}
			data-key={props.itemKey}
			data-shape={props.id}
			data-kind={props.kind}
			data-status={props.status}
			className="dm-outline-item dm-outline-child"
		>
			{props.children}
		</li>
	)
}

/** Words for screen readers only, at the start or the end of an item's name. */
function Hidden({ children }: { children: string }) {
	return <span className="dm-visually-hidden">{children}</span>
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
						const e = enablersById.get(id)
						if (!e) return null
						const key = `${m.id}>${id}`
						return (
							<ChildItem
								key={key}
								itemKey={key}
								id={id}
								kind="enabler"
								setSize={childCount}
								position={i + 1}
								selected={selectedIds.has(id)}
								tabbable={tabKey === key}
							>
								<span className="dm-outline-kind">Enabler</span>{' '}
								<span className="dm-outline-title">
									{serviceLabels[e.service]}: {e.contribution || 'nothing named yet'}
								</span>
								<ProblemBadge problems={problems} id={id} />{' '}
								<span className="dm-outline-meta">
									<span data-empty={e.neededBy ? undefined : 'true'}>
										{e.neededBy ? `Needed by ${formatDate(e.neededBy)}` : 'No date'}
									</span>{' '}
									<span data-empty={e.owner ? undefined : 'true'}>
										Contact: {e.owner || 'none'}
									</span>
								</span>
								<Hidden>{`, ${enablerStatusLabels[e.status]}${problemText(problems, id)}`}</Hidden>
							</ChildItem>
						)
					})}
					{m.blockers.map((id, i) => {
						const b = blockersById.get(id)
						if (!b) return null
						const key = `${m.id}>${id}`
						return (
							<ChildItem
								key={key}
								itemKey={key}
								id={id}
								kind="blocker"
								status={b.status}
								setSize={childCount}
								position={m.enablers.length + i + 1}
								selected={selectedIds.has(id)}
								tabbable={tabKey === key}
							>
								<span className="dm-outline-kind">Blocker</span>{' '}
								<span className="dm-outline-title">{b.title || 'Untitled blocker'}</span>
								<ProblemBadge problems={problems} id={id} />{' '}
								<span className="dm-outline-meta">
									<span>
										{severityLabels[b.severity]} severity, {blockerStatusLabels[b.status]}
									</span>{' '}
									<span data-empty={b.owner ? undefined : 'true'}>
										Unblocker: {b.owner || 'none'}
									</span>
								</span>
								<Hidden>{problemText(problems, id)}</Hidden>
							</ChildItem>
						)
					})}
				</>
			) : null}
		</>
	)
})
