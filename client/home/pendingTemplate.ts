import { createShapeId, type Editor, type TLShapePartial } from 'tldraw'
import { frameNewMap } from '../room/frameNewMap'
import { templateById } from '../../shared/templates/templates'

/**
 * A template chosen on the home page waits here, keyed by the new room's id, until that room's
 * editor first opens on this device. localStorage, not the network: it works offline, and only
 * the device that created the map applies it (everyone else receives the shapes through the doc).
 */
const KEY_PREFIX = 'delivery-map:pending-template:'

export function stashTemplate(roomId: string, templateId: string) {
	if (templateById(templateId) === undefined) {
		throw new Error(`There is no template "${templateId}".`)
	}
	localStorage.setItem(KEY_PREFIX + roomId, templateId)
}

export function pendingTemplateOf(roomId: string): string | null {
	try {
		return localStorage.getItem(KEY_PREFIX + roomId)
	} catch {
		return null
	}
}

export type ApplyResult =
	| { applied: true; templateId: string; shapeCount: number }
	| { applied: false; reason: 'none' | 'view-only' | 'not-empty' | 'unknown-template' }

/**
 * Creates the room's pending template, once: the stash is removed first, so a reload (or a second
 * tab) never adds the shapes twice. Applied only into an editable, empty page (a map that already
 * has shapes, e.g. one that synced from elsewhere first, is never touched). The shapes are made
 * with `editor.createShapes`, so they go through tldraw's validation and sync to the group like
 * any drawing; the hints are ordinary text and note shapes everyone sees. Call after the session
 * is attached to the editor, so the store-to-doc sync is running.
 */
export function applyPendingTemplate(
	editor: Editor,
	room: { roomId: string; kind: 'edit' | 'view' }
): ApplyResult {
	const templateId = pendingTemplateOf(room.roomId)
	if (templateId === null) return { applied: false, reason: 'none' }
	if (room.kind !== 'edit') return { applied: false, reason: 'view-only' }
	try {
		localStorage.removeItem(KEY_PREFIX + room.roomId)
	} catch {
		// Storage disabled: the stash could not have been written either.
	}
	const template = templateById(templateId)
	if (!template) return { applied: false, reason: 'unknown-template' }
	if (editor.getCurrentPageShapeIds().size > 0) return { applied: false, reason: 'not-empty' }

	const records = template.create(() => createShapeId(), { pageId: editor.getCurrentPageId() })
	// The records are complete tldraw 5.4.2 shapes (checked by tests/facilitation against a store).
	const shapes = records as unknown as TLShapePartial[]
	editor.run(() => editor.createShapes(shapes))
	frameNewMap(editor, { readable: true })
	return { applied: true, templateId, shapeCount: records.length }
}
