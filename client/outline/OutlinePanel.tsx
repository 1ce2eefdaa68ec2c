import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { useLivePlan } from '../plan/useLivePlan'
import type { RoomSession } from '../room/RoomSession'
import { BlockerForm } from './BlockerForm'
import { DiagnosticList } from './DiagnosticList'
import { EnablerForm } from './EnablerForm'
import { focusShape } from '../room/focusShape'
import { MilestoneForm } from './MilestoneForm'
import { plural } from './MilestoneItem'
import './outline.css'
import { canvasProblems, problemsByShape } from './outlineProblems'
import { PlanTree } from './PlanTree'
import { StageForm } from './StageForm'
import { usePeopleOnMap } from '../ui/usePeopleOnMap'

/** The shapes the outline has a form for: the typed shapes and stages (frames). */
const FORM_TYPES: ReadonlySet<string> = new Set(['milestone', 'enabler', 'blocker', 'frame'])

/** The one selected shape when the outline has a form for it, as "type id"; otherwise null. */
function formShapeOf(editor: Editor): string | null {
	const only = editor.getOnlySelectedShape()
	return only && FORM_TYPES.has(only.type) ? `${only.type} ${only.id}` : null
}

/**
 * The Plan tab: the live plan outline beside the canvas. Stage, milestone, its enablers and
 * blockers as an accessible tree; the map checks, each of which shows its shape; and, for a
 * milestone, enabler, blocker or stage selected here or on the canvas, a form to edit it without
 * the canvas (every field of a milestone but its check-ins, which the Check-in tab records;
 * every field of an enabler or a blocker; a stage's name). View links only read. While it is
 * open, shapes with problems are marked on the canvas.
 */
export function OutlinePanel({ editor, session }: { editor: Editor; session: RoomSession }) {
	const plan = useLivePlan(editor)
	const problems = useMemo(() => problemsByShape(plan.diagnostics), [plan.diagnostics])
	useEffect(() => {
		canvasProblems.show(editor, problems)
	}, [editor, problems])
	useEffect(
		() => () => {
			canvasProblems.show(editor, new Map())
		},
		[editor]
	)

	const selected = useValue('outline selection', () => editor.getSelectedShapeIds(), [editor])
	const selectedIds = useMemo(() => new Set<string>(selected), [selected])
	// A string, so that editing the selected shape does not render the whole outline again.
	const formShape = useValue('outline form shape', () => formShapeOf(editor), [editor])
	const show = useCallback((id: string) => void focusShape(editor, id), [editor])
	const hasShape = useCallback(
		(id: string) => editor.getShape(id as TLShapeId) !== undefined,
		[editor]
	)
	const canEdit = session.kind === 'edit'
	const stageCount = plan.stages.length

	// The form (or the hint) is pinned under the list, which ends where it begins.
	const scrollRef = useRef<HTMLDivElement>(null)
	const dockRef = useRef<HTMLDivElement>(null)
	useLayoutEffect(() => {
		const scroll = scrollRef.current
		const dock = dockRef.current
		if (!scroll || !dock) return
		const fit = () => scroll.style.setProperty('--dm-outline-dock', `${dock.offsetHeight}px`)
		fit()
		const observer = new ResizeObserver(fit)
		observer.observe(dock)
		return () => {
			observer.disconnect()
			scroll.style.removeProperty('--dm-outline-dock')
		}
	}, [canEdit])

	// On a narrow screen the form is not pinned: it follows the tree (outline.css), which may run
	// far below the item just tapped, so it is brought into view when a shape is chosen.
	useEffect(() => {
		const dock = dockRef.current
		if (!formShape || !dock || getComputedStyle(dock).position !== 'static') return
		dock.scrollIntoView({ block: 'nearest' })
	}, [formShape])

	return (
		<div className="dm-outline" data-testid="plan-outline">
			<div className="dm-outline-scroll" ref={scrollRef}>
				<p className="dm-outline-summary">
					{plural(plan.milestones.length, 'milestone')} in {plural(stageCount, 'stage')}
					{canEdit ? '' : ' (view only)'}
				</p>
				<PlanTree
					editor={editor}
					plan={plan}
					problems={problems}
					selectedIds={selectedIds}
					onActivate={show}
				/>
				{/* Right after the tree, so that Tab (and a screen reader) goes from the item just
				    selected to its form, not through every map check first; shown pinned at the
				    bottom (outline.css). */}
				{canEdit ? (
					<div className="dm-outline-dock" ref={dockRef}>
						{formShape ? (
							<ShapeForm editor={editor} formShape={formShape} />
						) : (
							<p className="dm-outline-hint">
								Select a milestone, enabler, blocker or stage (click it, or Enter in the list) to
								edit it here.
							</p>
						)}
					</div>
				) : null}
				<DiagnosticList diagnostics={plan.diagnostics} hasShape={hasShape} onShow={show} />
			</div>
		</div>
	)
}

/** The form for the selected shape (`formShape` is formShapeOf's "type id"). */
function ShapeForm({ editor, formShape }: { editor: Editor; formShape: string }) {
	const people = usePeopleOnMap(editor)
	const space = formShape.indexOf(' ')
	const type = formShape.slice(0, space)
	const id = formShape.slice(space + 1) as TLShapeId
	// A new form for each shape: a field focused (and its undo step marked) for one shape never
	// goes on to edit another.
	switch (type) {
		case 'milestone':
			return <MilestoneForm key={id} editor={editor} milestoneId={id} people={people} />
		case 'enabler':
			return <EnablerForm key={id} editor={editor} enablerId={id} people={people} />
		case 'blocker':
			return <BlockerForm key={id} editor={editor} blockerId={id} people={people} />
		default:
			return <StageForm key={id} editor={editor} stageId={id} />
	}
}
