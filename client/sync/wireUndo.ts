import { atom, type Editor } from 'tldraw'
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './origins'
import type { YStoreBinding } from './YStoreBinding'

/**
 * Undo and redo through a Yjs UndoManager that tracks only this client's writes, so undoing never
 * reverts a field another participant changed since. tldraw's own history keeps working for its
 * internal marks (cancelling a drag), but `editor.undo()`/`redo()` (menus, toolbar, Cmd+Z) and
 * `getCanUndo()`/`getCanRedo()` go to the UndoManager. Returns a function that restores tldraw's.
 */
export function wireUndo(editor: Editor, binding: YStoreBinding): () => void {
	const undoManager = new Y.UndoManager(binding.records, {
		trackedOrigins: new Set([LOCAL_ORIGIN]),
		captureTimeout: 800,
	})
	const stacks = atom('yjs undo stacks', { undo: 0, redo: 0 })
	const updateStacks = () =>
		stacks.set({ undo: undoManager.undoStack.length, redo: undoManager.redoStack.length })
	undoManager.on('stack-item-added', updateStacks)
	undoManager.on('stack-item-popped', updateStacks)
	undoManager.on('stack-cleared', updateStacks)

	const original = {
		undo: editor.undo,
		redo: editor.redo,
		getCanUndo: editor.getCanUndo,
		getCanRedo: editor.getCanRedo,
		markHistoryStoppingPoint: editor.markHistoryStoppingPoint,
	}

	const step = (direction: 'undo' | 'redo') => {
		editor.complete()
		// Edits made this frame must be in the doc before the undo manager looks at its stack.
		binding.flushLocalChanges()
		undoManager.stopCapturing()
		if (direction === 'undo') undoManager.undo()
		else undoManager.redo()
		binding.applyPendingDocChanges()
		return editor
	}

	editor.undo = () => step('undo')
	editor.redo = () => step('redo')
	editor.getCanUndo = () => stacks.get().undo > 0
	editor.getCanRedo = () => stacks.get().redo > 0
	// Each tldraw interaction (drag, edit, create) starts a new undo step, as in plain tldraw.
	editor.markHistoryStoppingPoint = (name?: string) => {
		binding.flushLocalChanges()
		undoManager.stopCapturing()
		return original.markHistoryStoppingPoint.call(editor, name)
	}

	return () => {
		Object.assign(editor, original)
		undoManager.destroy()
	}
}
