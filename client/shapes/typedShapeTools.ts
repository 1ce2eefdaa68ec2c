import { BaseBoxShapeTool, type TLShape, type TLShapeId } from 'tldraw'
import { refuseOnLockedStage } from '../facilitate/lockedStageAt'

/**
 * Click to drop a card, or drag to size one. A card dropped opens its title for typing at once,
 * as a sticky note does (a workshop names a card as it puts it down); with the tool locked, to
 * drop several in a row, it does not. Nothing is dropped on a locked stage: tldraw would put the
 * card on the page above it, where it looks part of the stage and is not.
 */
abstract class CardTool extends BaseBoxShapeTool {
	/** The card the last click dropped while this tool was active. */
	private dropped: TLShapeId | null = null
	private stopWatching: (() => void) | null = null

	override onEnter() {
		this.dropped = null
		this.stopWatching = this.editor.sideEffects.registerAfterCreateHandler(
			'shape',
			(shape, source) => {
				if (source === 'user' && shape.type === this.shapeType) this.dropped = shape.id
			}
		)
	}

	/** Runs before the tool's own states: a press on a locked stage drops nothing. */
	override onPointerDown() {
		const point = this.editor.inputs.getCurrentPagePoint()
		if (!refuseOnLockedStage(this.editor, point, `No ${this.shapeType} can be added to it.`)) return
		this.editor.setCurrentTool('select')
	}

	/** A click drops the card and hands over to the select tool: the title opens after that. */
	override onExit() {
		this.stopWatching?.()
		this.stopWatching = null
		const id = this.dropped
		this.dropped = null
		if (!id || this.editor.getInstanceState().isToolLocked) return
		this.editor.timers.setTimeout(() => {
			const { editor } = this
			if (editor.getOnlySelectedShapeId() !== id || !editor.isIn('select.idle')) return
			if (editor.getIsReadonly()) return
			editor.setEditingShape(id)
		}, 0)
	}

	/** A drag sized the card (tldraw calls this in place of returning to the select tool). */
	override onCreate(shape: TLShape | null) {
		const { editor } = this
		if (shape && !editor.getInstanceState().isToolLocked && !editor.getIsReadonly()) {
			editor.setEditingShape(shape.id)
		} else if (shape && editor.getInstanceState().isToolLocked) {
			editor.setCurrentTool(this.id)
		} else {
			editor.setCurrentTool('select.idle')
		}
	}
}

export class MilestoneTool extends CardTool {
	static override id = 'milestone'
	static override initial = 'idle'
	override shapeType = 'milestone' as const
}

export class EnablerTool extends CardTool {
	static override id = 'enabler'
	static override initial = 'idle'
	override shapeType = 'enabler' as const
}

export class BlockerTool extends CardTool {
	static override id = 'blocker'
	static override initial = 'idle'
	override shapeType = 'blocker' as const
}
