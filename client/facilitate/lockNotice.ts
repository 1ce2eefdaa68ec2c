import type { Editor, TLShapeId } from 'tldraw'
import { stageName } from '../shapes/stageName'
import { lockedStageAbove } from './lockedStageAt'

/** A shape a lock notice can name, in the words the panels use. */
export type LockableKind = 'milestone' | 'enabler' | 'blocker' | 'stage'

/**
 * Why a shape cannot be changed now, or null when it can: tldraw ignores an update to a shape
 * that is locked or inside a locked shape, so a form says so instead of taking typing that would
 * go nowhere. A locked stage locks each shape in it too (stageLocks.ts); a shape inside a locked
 * stage that is not locked itself (drawn there by a peer at the same moment) is caught by the
 * ancestor check.
 */
export function lockNotice(editor: Editor, shapeId: TLShapeId, kind: LockableKind) {
	const shape = editor.getShape(shapeId)
	if (!shape) return null
	const stage = lockedStageAbove(editor, shape)
	if (stage) {
		return `This ${kind} is in the locked stage “${stageName(stage)}”; it cannot be changed until the stage is unlocked.`
	}
	if (editor.isShapeOrAncestorLocked(shape)) {
		return `This ${kind} is locked; it cannot be changed now.`
	}
	return null
}
