import { useCallback, useEffect, useMemo } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { useLivePlan } from '../plan/useLivePlan'
import type { RoomSession } from '../room/RoomSession'
import { DiagnosticList } from './DiagnosticList'
import { focusShape } from '../room/focusShape'
import { MilestoneForm } from './MilestoneForm'
import { plural } from './MilestoneItem'
import './outline.css'
import { canvasProblems, problemsByShape } from './outlineProblems'
import { PlanTree } from './PlanTree'

/**
 * The Plan tab: the live plan outline beside the canvas. Stage, milestone, its enablers and
 * blockers as an accessible tree; the map checks, each of which shows its shape; and, for a
 * milestone selected here or on the canvas, a form to rename it and set its owner, unblocker,
 * due date and RAG without the canvas (view links only read). While it is open, shapes with
 * problems are marked on the canvas.
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
	const formId = useValue(
		'outline form milestone',
		() => {
			const only = editor.getOnlySelectedShape()
			return only?.type === 'milestone' ? only.id : null
		},
		[editor]
	)
	const people = useMemo(() => {
		const names = new Set<string>()
		for (const m of plan.milestones) {
			if (m.owner) names.add(m.owner)
			if (m.unblocker) names.add(m.unblocker)
		}
		return [...names].sort((a, b) => a.localeCompare(b))
	}, [plan.milestones])
	const show = useCallback((id: string) => void focusShape(editor, id), [editor])
	const hasShape = useCallback(
		(id: string) => editor.getShape(id as TLShapeId) !== undefined,
		[editor]
	)
	const canEdit = session.kind === 'edit'
	const stageCount = plan.stages.length

	return (
		<div className="dm-outline" data-testid="plan-outline">
			<div className="dm-outline-scroll">
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
				<DiagnosticList diagnostics={plan.diagnostics} hasShape={hasShape} onShow={show} />
			</div>
			{canEdit ? (
				formId ? (
					<MilestoneForm editor={editor} milestoneId={formId} people={people} />
				) : (
					<p className="dm-outline-hint">
						Select a milestone (click it, or Enter in the list) to rename it or set its owner,
						unblocker, due date and RAG here.
					</p>
				)
			) : null}
		</div>
	)
}
