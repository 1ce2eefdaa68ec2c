import type { Editor, TLFrameShape, TLShape, VecLike } from 'tldraw'
import { stageName } from '../shapes/stageName'
import { showNotice } from '../ui/mapNotices'
import { pageFrames } from './pageFrames'

/**
 * The locked stage at a point of the page, or null: a locked frame, or a frame inside one, whose
 * area holds the point. tldraw puts nothing new into a locked frame: a card dropped or moved there
 * lands on the page above it, looks part of the stage and is not (the plan leaves it out).
 */
export function lockedStageAt(editor: Editor, point: VecLike): TLFrameShape | null {
	for (const frame of pageFrames(editor)) {
		const locked = lockedStageOf(editor, frame)
		if (locked && editor.isPointInShape(frame, point, { hitInside: true, margin: 0 })) return locked
	}
	return null
}

/** The locked frame that `shape` is, or is inside; null when neither. */
export function lockedStageOf(editor: Editor, shape: TLShape): TLFrameShape | null {
	if (shape.type === 'frame' && shape.isLocked) return shape as TLFrameShape
	return lockedStageAbove(editor, shape)
}

/** The locked frame that `shape` is inside (at any depth, not itself); null when none. */
export function lockedStageAbove(editor: Editor, shape: TLShape): TLFrameShape | null {
	const locked = editor.findShapeAncestor(
		shape,
		(parent) => parent.type === 'frame' && parent.isLocked
	)
	return (locked as TLFrameShape | undefined) ?? null
}

/**
 * Refuses what a person tried at `point` when it lies in a locked stage: says so (`what`, after
 * the stage's name) and returns true; returns false when the point is in no locked stage.
 */
export function refuseOnLockedStage(editor: Editor, point: VecLike, what: string): boolean {
	const stage = lockedStageAt(editor, point)
	if (!stage) return false
	noticeLockedStage(editor, stage, what)
	return true
}

/** Tells the person that `stage` is locked, so what they tried to add there is not in it. */
export function noticeLockedStage(editor: Editor, stage: TLFrameShape, what: string): void {
	showNotice(editor, {
		key: 'locked',
		title: `“${stageName(stage)}” is locked`,
		description: `${what} A facilitator can unlock the stage in the Facilitate tab.`,
	})
}
