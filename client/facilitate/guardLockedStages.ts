import type {
	Editor,
	StateNode,
	TLClickEventInfo,
	TLEventInfo,
	TLFrameShape,
	TLPointerEventInfo,
	TLShape,
} from 'tldraw'
import { isTypedShapeType } from '../../shared/schema/typedShapes'
import { showNotice } from '../ui/mapNotices'
import { lockNotice, type LockableKind } from './lockNotice'
import {
	lockedStageAt,
	lockedStageOf,
	noticeLockedStage,
	refuseOnLockedStage,
} from './lockedStageAt'

type CanvasIdle = StateNode & { handleDoubleClickOnCanvas(info: TLClickEventInfo): void }

/**
 * tldraw's tools that add a shape where the pointer goes down (arrows are left alone: one may
 * cross a locked stage on its way between two others).
 */
const ADDING_TOOLS = ['note', 'text', 'geo', 'draw', 'highlight', 'line', 'frame']
const NOTHING_ADDED = 'Nothing can be added to it.'

/**
 * What tldraw does quietly around locked shapes, said out loud (the card tools and the stage
 * tool check for themselves):
 * - tldraw's own tools (sticky note, text, shapes, drawing, frame) put what they add in a locked
 *   stage on the page above it; now they add nothing there, and say the stage is locked.
 * - a double-click on a locked card, or in a locked stage, made a text box on top of it (tldraw
 *   sees no shape there it may edit); now it says the card or the stage is locked.
 * - a shape dragged onto a locked stage stayed on the page above it, looking part of the stage
 *   and not in it; now it goes back where it was, and the person is told why. A paste or a
 *   duplicate there is taken back the same way.
 * Returns the cleanup.
 */
export function guardLockedStages(editor: Editor): () => void {
	const idle = editor.getStateDescendant<CanvasIdle>('select.idle')
	const original = idle?.handleDoubleClickOnCanvas
	if (idle && original) {
		idle.handleDoubleClickOnCanvas = (info) => {
			if (!editor.getIsReadonly() && explainLockedAt(editor)) return
			original.call(idle, info)
		}
	}
	const restore = ADDING_TOOLS.map((tool) => guardToolStart(editor, tool))
	restore.push(guardDrop(editor), guardPaste(editor), guardDuplicate(editor))
	return () => {
		if (idle && original) idle.handleDoubleClickOnCanvas = original
		for (const undo of restore) undo()
	}
}

type Translating = StateNode & { isCreating?: boolean }

/**
 * Puts back what is dropped on a locked stage (tldraw's own cancel of the drag, as Escape does: the
 * shapes return to where the drag began, with nothing left in the history), and says why. A shape
 * being created by the drag (one dragged from the toolbar) is not added at all.
 */
function guardDrop(editor: Editor): () => void {
	const translating = editor.getStateDescendant<Translating>('select.translating')
	const up = translating?.onPointerUp
	const complete = translating?.onComplete
	const cancel = translating?.onCancel
	if (!translating || !up || !complete || !cancel) return () => {}
	const dropOr =
		<I extends TLEventInfo>(drop: (info: I) => void) =>
		(info: I) => {
			const stage = lockedStageUnderMovedShapes(editor)
			if (!stage) return drop.call(translating, info)
			// Cancelling puts moved shapes back, and takes a shape being created (dragged from
			// the toolbar, or drawn and dragged) out again: nothing is added to the stage.
			const creating = translating.isCreating
			cancel.call(translating, info as never)
			noticeLockedStage(
				editor,
				stage,
				creating ? NOTHING_ADDED : 'What you moved there was put back where it was.'
			)
		}
	translating.onPointerUp = dropOr(up)
	translating.onComplete = dropOr(complete)
	return () => {
		delete translating.onPointerUp
		delete translating.onComplete
	}
}

/**
 * Takes back a paste that put shapes on a locked stage, and says why. Moving shapes to another
 * page also puts content (with its ids kept): that is left alone, since the shapes have already
 * left their own page.
 */
function guardPaste(editor: Editor): () => void {
	const put = editor.putContentOntoCurrentPage
	editor.putContentOntoCurrentPage = function (content, opts = {}) {
		if (opts.preserveIds) return put.call(editor, content, opts)
		return takeBackOnLockedStage(editor, 'paste', () => put.call(editor, content, opts))
	}
	return () => {
		editor.putContentOntoCurrentPage = put
	}
}

/**
 * Takes back a duplicate (Ctrl+D, the menus) that landed on a locked stage, and says why:
 * tldraw places the copy beside the original, which can be inside the next stage. A drag that
 * clones (Alt) duplicates too; its drop is guarded as any drag's is (guardDrop).
 */
function guardDuplicate(editor: Editor): () => void {
	const duplicate = editor.duplicateShapes
	editor.duplicateShapes = function (shapes, offset) {
		if (editor.isIn('select.translating')) return duplicate.call(editor, shapes, offset)
		return takeBackOnLockedStage(editor, 'duplicate', () => duplicate.call(editor, shapes, offset))
	}
	return () => {
		editor.duplicateShapes = duplicate
	}
}

/**
 * Runs `add` (which adds shapes to the current page); if one of the shapes it added (counting
 * only their tops: a shape inside another added one moves with it) landed on a locked stage,
 * undoes all of it and says why.
 */
function takeBackOnLockedStage(editor: Editor, name: string, add: () => void): Editor {
	if (editor.getIsReadonly()) {
		add()
		return editor
	}
	const before = new Set(editor.getCurrentPageShapeIds())
	const mark = editor.markHistoryStoppingPoint(name)
	add()
	const added = editor.getCurrentPageShapes().filter((shape) => !before.has(shape.id))
	const addedIds = new Set<string>(added.map((shape) => shape.id))
	const stage = added
		.filter((shape) => !addedIds.has(shape.parentId))
		.map((shape) => landedOnLockedStage(editor, shape))
		.find((found) => found !== null)
	if (stage) {
		editor.bailToMark(mark)
		noticeLockedStage(editor, stage, NOTHING_ADDED)
	}
	return editor
}

/** The locked stage that one of the shapes being moved was dragged onto, if any. */
function lockedStageUnderMovedShapes(editor: Editor): TLFrameShape | null {
	for (const shape of editor.getSelectedShapes()) {
		if (lockedStageOf(editor, shape)) continue
		const stage = landedOnLockedStage(editor, shape)
		if (stage) return stage
	}
	return null
}

/** Keeps `tool` from starting a shape in a locked stage; returns the undoing. */
function guardToolStart(editor: Editor, tool: string): () => void {
	const idle = editor.getStateDescendant(`${tool}.idle`)
	const original = idle?.onPointerDown
	if (!idle || !original) return () => {}
	idle.onPointerDown = (info: TLPointerEventInfo) => {
		const point = editor.inputs.getCurrentPagePoint()
		if (!editor.getIsReadonly() && refuseOnLockedStage(editor, point, NOTHING_ADDED)) return
		original.call(idle, info)
	}
	return () => {
		delete idle.onPointerDown
	}
}

/** Says why a double-click at the pointer cannot edit or add anything; false when it can. */
function explainLockedAt(editor: Editor): boolean {
	const point = editor.inputs.getCurrentPagePoint()
	const shape = editor.getShapeAtPoint(point, { hitInside: true, hitLocked: true })
	if (shape && shape.type !== 'frame' && editor.isShapeOrAncestorLocked(shape)) {
		const kind: LockableKind | null = isTypedShapeType(shape.type) ? shape.type : null
		showNotice(editor, {
			key: 'locked',
			title: 'Locked',
			description:
				(kind ? lockNotice(editor, shape.id, kind) : null) ??
				'This shape is locked; it cannot be changed now.',
		})
		return true
	}
	return refuseOnLockedStage(editor, point, NOTHING_ADDED)
}

/** The locked stage under the middle of `shape`, when the shape is not in it. */
function landedOnLockedStage(editor: Editor, shape: TLShape) {
	const bounds = editor.getShapePageBounds(shape)
	if (!bounds) return null
	const stage = lockedStageAt(editor, bounds.center)
	if (!stage || stage.id === shape.id) return null
	return editor.hasAncestor(shape, stage.id) ? null : stage
}
