import {
	Fragment,
	memo,
	useLayoutEffect,
	useMemo,
	useRef,
	useState,
	type KeyboardEvent,
	type MouseEvent,
} from 'react'
import type { Editor } from 'tldraw'
import type { Plan, PlanMilestone } from '../../shared/schema/planSchema'
import { LinkedShapeItem, type LinkedShape } from './LinkedShapeItem'
import { MilestoneItem, plural, type RowShared } from './MilestoneItem'
import type { ShapeProblems } from './outlineProblems'

/** Milestones rendered per stage at first, and added by each "show more". */
export const PAGE_SIZE = 50
const NO_STAGE = 'no-stage'

interface StageGroup {
	key: string
	stageId: string | null
	name: string
	milestones: PlanMilestone[]
	/** Its enablers and blockers that no milestone lists (linked to none): shown after them. */
	loose: LinkedShape[]
}

function groupsOf(plan: Plan): StageGroup[] {
	const byStage = new Map<string | null, PlanMilestone[]>()
	const listed = new Set<string>()
	for (const m of plan.milestones) {
		const list = byStage.get(m.stage)
		if (list) list.push(m)
		else byStage.set(m.stage, [m])
		for (const id of m.enablers) listed.add(id)
		for (const id of m.blockers) listed.add(id)
	}
	const looseByStage = new Map<string | null, LinkedShape[]>()
	const addLoose = (stage: string | null, shape: LinkedShape) => {
		if (listed.has(shape.entry.id)) return
		const list = looseByStage.get(stage)
		if (list) list.push(shape)
		else looseByStage.set(stage, [shape])
	}
	for (const entry of plan.enablers) addLoose(entry.stage, { kind: 'enabler', entry })
	for (const entry of plan.blockers) addLoose(entry.stage, { kind: 'blocker', entry })
	const groups: StageGroup[] = plan.stages.map((s) => ({
		key: s.id,
		stageId: s.id,
		name: s.name || 'Untitled stage',
		milestones: byStage.get(s.id) ?? [],
		loose: looseByStage.get(s.id) ?? [],
	}))
	if (byStage.has(null) || looseByStage.has(null)) {
		groups.push({
			key: NO_STAGE,
			stageId: null,
			name: 'Not in a stage',
			milestones: byStage.get(null) ?? [],
			loose: looseByStage.get(null) ?? [],
		})
	}
	return groups
}

/** The item's parent: the nearest item before it with a lower level (the tree is flat). */
function parentOf(items: HTMLElement[], i: number): HTMLElement | undefined {
	const level = Number(items[i]!.getAttribute('aria-level'))
	for (let j = i - 1; j >= 0; j--) {
		if (Number(items[j]!.getAttribute('aria-level')) < level) return items[j]
	}
	return undefined
}

/** Above this many milestones, only the first stage starts unfolded. */
const BIG_PLAN = 150

/** What a milestone row shows of the problems and the selection, as a string to compare. */
function rowState(
	m: PlanMilestone,
	problems: ShapeProblems,
	selectedIds: ReadonlySet<string>
): string {
	let state = ''
	for (const list of [[m.id], m.enablers, m.blockers]) {
		for (const id of list) {
			const p = problems.get(id)
			state += `${p ? p.severity[0]! + p.count : ''}${selectedIds.has(id) ? 's' : ''}|`
		}
	}
	return state
}

export interface PlanTreeProps {
	/** The rows show their milestone's own fields from its live record (see MilestoneItem). */
	editor: Editor
	plan: Plan
	problems: ShapeProblems
	selectedIds: ReadonlySet<string>
	/** Selects the shape on the canvas and brings it into view. */
	onActivate: (shapeId: string) => void
}

/**
 * The plan as a tree: stage, then its milestones in plan order, then each milestone's enablers
 * and blockers. Keyboard: arrows move, right and left open and close, Home and End, Enter selects
 * the shape on the canvas. Long stages render their first milestones and a "show more" item.
 */
export const PlanTree = memo(function PlanTree({
	editor,
	plan,
	problems,
	selectedIds,
	onActivate,
}: PlanTreeProps) {
	const tree = useRef<HTMLUListElement>(null)
	const [tabKey, setTabKey] = useState<string | null>(null)
	/** Items folded or unfolded by the reader; the others keep their default. */
	const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map())
	const [limits, setLimits] = useState<ReadonlyMap<string, number>>(new Map())
	const groups = useMemo(
		() => groupsOf(plan),
		[plan.stages, plan.milestones, plan.enablers, plan.blockers]
	)
	const enablersById = useMemo(() => new Map(plan.enablers.map((e) => [e.id, e])), [plan.enablers])
	const blockersById = useMemo(() => new Map(plan.blockers.map((b) => [b.id, b])), [plan.blockers])

	// Keep one tab stop: when the item that had it is gone, the first item takes it.
	useLayoutEffect(() => {
		const root = tree.current
		if (!root || root.querySelector('[role="treeitem"][tabindex="0"]')) return
		const first = root.querySelector<HTMLElement>('[role="treeitem"]')
		if (first) setTabKey(first.dataset.key ?? null)
	})

	// A large plan opens with its first stage unfolded only, so that it renders what one reads.
	const big = plan.milestones.length > BIG_PLAN
	const isOpen = (key: string, byDefault: boolean) => opened.get(key) ?? byDefault
	const toggle = (item: HTMLElement) => {
		const key = item.dataset.key!
		const open = item.getAttribute('aria-expanded') === 'true'
		setOpened((old) => new Map(old).set(key, !open))
	}
	// Rows read the problems and the selection from here; their `state` prop says when to.
	const shared = useRef<RowShared>({ editor, problems, selectedIds }).current
	shared.editor = editor
	shared.problems = problems
	shared.selectedIds = selectedIds

	const activate = (item: HTMLElement) => {
		const more = item.dataset.more
		if (more) {
			setLimits((old) => new Map(old).set(more, (old.get(more) ?? PAGE_SIZE) + PAGE_SIZE))
			return
		}
		if (item.dataset.shape) onActivate(item.dataset.shape)
	}

	const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
		const item = e.target as HTMLElement
		if (item.getAttribute('role') !== 'treeitem' || !tree.current) return
		const items = [...tree.current.querySelectorAll<HTMLElement>('[role="treeitem"]')]
		const i = items.indexOf(item)
		const expanded = item.getAttribute('aria-expanded')
		let next: HTMLElement | undefined
		switch (e.key) {
			case 'ArrowDown':
				next = items[i + 1]
				break
			case 'ArrowUp':
				next = items[i - 1]
				break
			case 'Home':
				next = items[0]
				break
			case 'End':
				next = items[items.length - 1]
				break
			case 'ArrowRight':
				if (expanded === 'false') toggle(item)
				else if (expanded === 'true') next = items[i + 1]
				break
			case 'ArrowLeft':
				if (expanded === 'true') toggle(item)
				else next = parentOf(items, i)
				break
			case 'Enter':
			case ' ':
				activate(item)
				break
			default:
				// Delete, letters and the like are for the canvas only when the canvas has focus.
				if (e.key !== 'Tab') e.stopPropagation()
				return
		}
		// Keys handled here never reach the canvas (arrows would nudge the selected shapes).
		e.preventDefault()
		e.stopPropagation()
		next?.focus()
	}

	const onClick = (e: MouseEvent<HTMLUListElement>) => {
		const target = e.target as HTMLElement
		const item = target.closest<HTMLElement>('[role="treeitem"]')
		if (!item) return
		item.focus()
		if (target.closest('[data-toggle]')) toggle(item)
		else activate(item)
	}

	if (groups.length === 0) {
		return (
			<p className="dm-outline-empty">
				No stages or milestones yet. Draw a stage (a frame) and put milestones in it; they show up
				here as you draw.
			</p>
		)
	}

	return (
		<ul
			ref={tree}
			role="tree"
			aria-label="Plan: stages, milestones, enablers and blockers"
			className="dm-outline-tree"
			onKeyDown={onKeyDown}
			onClick={onClick}
			onFocus={(e) => {
				const key = (e.target as HTMLElement).dataset.key
				if (key && (e.target as HTMLElement).getAttribute('role') === 'treeitem') setTabKey(key)
			}}
		>
			{groups.map((group, g) => {
				const open = isOpen(group.key, !big || g === 0)
				const limit = limits.get(group.key) ?? PAGE_SIZE
				// Milestones first, then what is linked to none; both count towards a page.
				const total = group.milestones.length + group.loose.length
				const shown = group.milestones.slice(0, limit)
				const shownLoose = group.loose.slice(0, Math.max(0, limit - shown.length))
				const hidden = total - shown.length - shownLoose.length
				const moreKey = `more:${group.key}`
				const count =
					group.milestones.length === 0
						? 'no milestones'
						: plural(group.milestones.length, 'milestone')
				return (
					<Fragment key={group.key}>
						<li
							role="treeitem"
							aria-level={1}
							aria-setsize={groups.length}
							aria-posinset={g + 1}
							aria-expanded={total > 0 ? open : undefined}
							aria-selected={group.stageId ? selectedIds.has(group.stageId) : false}
							tabIndex={tabKey === group.key ? 0 : -1}
							data-key={group.key}
							data-shape={group.stageId ?? undefined}
							data-loose={group.stageId ? undefined : 'true'}
							className="dm-outline-item dm-outline-stage"
						>
							<span
								className="dm-outline-toggle"
								data-toggle={total > 0 ? group.key : undefined}
								aria-hidden="true"
							>
								{total > 0 ? (open ? '▾' : '▸') : ''}
							</span>
							<span className="dm-visually-hidden">Stage:</span>{' '}
							<span className="dm-outline-title">{group.name}</span>{' '}
							<span className="dm-outline-count">{count}</span>
						</li>
						{open
							? shown.map((m, i) => (
									<MilestoneItem
										key={m.id}
										milestone={m}
										enablersById={enablersById}
										blockersById={blockersById}
										shared={shared}
										state={rowState(m, problems, selectedIds)}
										expanded={isOpen(m.id, true)}
										tabKey={tabKey?.startsWith(m.id) ? tabKey : null}
										posinset={i + 1}
										setsize={total}
									/>
								))
							: null}
						{open
							? shownLoose.map((shape, i) => {
									const id = shape.entry.id
									return (
										<LinkedShapeItem
											key={id}
											itemKey={id}
											shape={shape}
											level={2}
											setSize={total}
											position={group.milestones.length + i + 1}
											problems={problems}
											selected={selectedIds.has(id)}
											tabbable={tabKey === id}
										/>
									)
								})
							: null}
						{open && hidden > 0 ? (
							<li
								role="treeitem"
								aria-level={2}
								tabIndex={tabKey === moreKey ? 0 : -1}
								data-key={moreKey}
								data-more={group.key}
								className="dm-outline-item dm-outline-more"
							>
								Show {Math.min(PAGE_SIZE, hidden)} more of {group.name} ({hidden} not shown)
							</li>
						) : null}
					</Fragment>
				)
			})}
		</ul>
	)
})
