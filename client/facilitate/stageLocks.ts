import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { stageName } from '../shapes/stageName'
import { lockedStageAbove } from './lockedStageAt'
import { pageFrames, pageLockedShapes } from './pageFrames'

export interface StageLock {
	id: TLShapeId
	name: string
	locked: boolean
	/** Shapes inside the stage (at any depth). */
	shapeCount: number
}

/**
 * Locks or unlocks shapes with tldraw's own `isLocked` field, which syncs like any other field:
 * a locked shape cannot be selected, moved, resized, retitled or deleted by anyone until it is
 * unlocked (tldraw's Shift+L, or this panel). Returns how many shapes changed.
 */
export function setShapesLocked(editor: Editor, ids: TLShapeId[], locked: boolean): number {
	const shapes = ids
		.map((id) => editor.getShape(id))
		.filter((shape): shape is TLShape => shape !== undefined && shape.isLocked !== locked)
	if (shapes.length === 0 || editor.getIsReadonly()) return 0
	editor.markHistoryStoppingPoint(locked ? 'lock shapes' : 'unlock shapes')
	editor.run(
		() => {
			editor.updateShapes(
				shapes.map((shape) => ({ id: shape.id, type: shape.type, isLocked: locked }))
			)
			if (locked) {
				const lockedIds = new Set(shapes.map((shape) => shape.id))
				editor.setSelectedShapes(editor.getSelectedShapeIds().filter((id) => !lockedIds.has(id)))
			}
		},
		{ ignoreShapeLock: true }
	)
	return shapes.length
}

/**
 * Locks or unlocks a stage (a frame) together with everything inside it. Each shape inside is
 * locked itself, not only through its frame, so that it cannot even be selected. Unlocking a
 * stage unlocks everything inside it, including shapes that were locked on their own before.
 */
export function setStageLocked(editor: Editor, frameId: TLShapeId, locked: boolean): number {
	if (!editor.getShape(frameId)) return 0
	return setShapesLocked(editor, [...editor.getShapeAndDescendantIds([frameId])], locked)
}

/** The stages (frames) of the current page, in stage order: left to right, then top to bottom. */
export function stagesOf(editor: Editor): StageLock[] {
	return pageFrames(editor)
		.map((frame) => {
			const point = editor.getShapePageTransform(frame).point()
			return { frame, x: point.x, y: point.y }
		})
		.sort((a, b) => a.x - b.x || a.y - b.y || (a.frame.id < b.frame.id ? -1 : 1))
		.map(({ frame }) => ({
			id: frame.id,
			name: stageName(frame),
			locked: frame.isLocked,
			shapeCount: editor.getShapeAndDescendantIds([frame.id]).size - 1,
		}))
}

/** Locked shapes of the current page that are not inside a locked stage (nor one themselves). */
export function looseLockedShapeIds(editor: Editor): TLShapeId[] {
	return pageLockedShapes(editor)
		.filter((shape) => shape.type !== 'frame' && !lockedStageAbove(editor, shape))
		.map((shape) => shape.id)
}
