import { useMemo } from 'react'
import { useValue, type Editor } from 'tldraw'
import {
	looseLockedShapeIds,
	setShapesLocked,
	setStageLocked,
	stagesOf,
	type StageLock,
} from './stageLocks'
import { PadlockIcon } from './PadlockIcon'

/** Lock the selection or whole stages, so that nobody in the room can move or change them. */
export function LockControls({ editor }: { editor: Editor }) {
	const readonly = useValue('readonly', () => editor.getIsReadonly(), [editor])
	// A string, so that the panel re-renders only when what it shows changes, not on every edit.
	const stagesKey = useValue('stages', () => JSON.stringify(stagesOf(editor)), [editor])
	const stages = useMemo(() => JSON.parse(stagesKey) as StageLock[], [stagesKey])
	const selection = {
		count: useValue('selected', () => editor.getSelectedShapeIds().length, [editor]),
		unlocked: useValue(
			'selected unlocked',
			() => editor.getSelectedShapes().filter((shape) => !shape.isLocked).length,
			[editor]
		),
		locked: useValue(
			'selected locked',
			() => editor.getSelectedShapes().filter((shape) => shape.isLocked).length,
			[editor]
		),
	}
	const looseCount = useValue('loose locked', () => looseLockedShapeIds(editor).length, [editor])

	return (
		<section className="dm-fac-section" aria-labelledby="dm-fac-lock-heading">
			<h3 id="dm-fac-lock-heading">Lock</h3>
			<p className="dm-fac-hint">
				Locked shapes cannot be selected, moved or changed by anyone until they are unlocked.
			</p>
			<div className="dm-fac-actions">
				<button
					type="button"
					className="dm-fac-button"
					disabled={readonly || selection.unlocked === 0}
					onClick={() => setShapesLocked(editor, editor.getSelectedShapeIds(), true)}
				>
					Lock selected{selection.unlocked > 0 ? ` (${selection.unlocked})` : ''}
				</button>
				{selection.locked > 0 ? (
					<button
						type="button"
						className="dm-fac-button"
						disabled={readonly}
						onClick={() => setShapesLocked(editor, editor.getSelectedShapeIds(), false)}
					>
						Unlock selected ({selection.locked})
					</button>
				) : null}
			</div>
			{selection.count === 0 ? (
				<p className="dm-fac-hint">Select shapes on the canvas to lock them.</p>
			) : null}

			<h4 className="dm-fac-subheading" id="dm-fac-stages-heading">
				Stages
			</h4>
			{stages.length === 0 ? (
				<p className="dm-fac-hint">No stages on this page yet.</p>
			) : (
				<ul className="dm-fac-stages" aria-labelledby="dm-fac-stages-heading">
					{stages.map((stage) => (
						<li key={stage.id} className="dm-fac-stage" data-locked={stage.locked}>
							<span className="dm-fac-lock-icon" aria-hidden="true">
								{stage.locked ? <PadlockIcon /> : null}
							</span>
							<span className="dm-fac-stage-text">
								<button
									type="button"
									className="dm-fac-stage-name"
									title={`Show ${stage.name}`}
									onClick={() => {
										const bounds = editor.getShapePageBounds(stage.id)
										if (bounds)
											editor.zoomToBounds(bounds, { inset: 40, animation: { duration: 200 } })
									}}
								>
									{stage.name}
								</button>
								<span className="dm-fac-stage-meta">
									{stage.locked ? 'Locked · ' : ''}
									{stage.shapeCount} shape{stage.shapeCount === 1 ? '' : 's'}
									{stage.locked ? ' inside' : ''}
								</span>
							</span>
							<button
								type="button"
								className="dm-fac-button dm-fac-small"
								disabled={readonly}
								aria-label={`${stage.locked ? 'Unlock' : 'Lock'} stage ${stage.name}`}
								onClick={() => setStageLocked(editor, stage.id, !stage.locked)}
							>
								{stage.locked ? 'Unlock' : 'Lock'}
							</button>
						</li>
					))}
				</ul>
			)}
			{looseCount > 0 ? (
				<div className="dm-fac-actions">
					<span className="dm-fac-hint">
						{looseCount} other locked shape{looseCount === 1 ? '' : 's'} on this page.
					</span>
					<button
						type="button"
						className="dm-fac-button dm-fac-small"
						disabled={readonly}
						onClick={() => setShapesLocked(editor, looseLockedShapeIds(editor), false)}
					>
						Unlock {looseCount === 1 ? 'it' : 'them'}
					</button>
				</div>
			) : null}
		</section>
	)
}
