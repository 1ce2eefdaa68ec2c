import { useId, type ReactNode } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'

/** What the outline can edit, in the words its forms use. */
export type OutlineFormKind = 'milestone' | 'enabler' | 'blocker' | 'stage'

export interface OutlineShapeFormProps {
	editor: Editor
	shapeId: TLShapeId
	kind: OutlineFormKind
	/** The shape's name as the tree reads it, for the form's accessible name. */
	name: string
	testId: string
	children: ReactNode
}

/**
 * Why a shape cannot be changed now, or null when it can: tldraw ignores an update to a shape
 * that is locked or inside a locked shape, so the form says so instead of taking typing that
 * would go nowhere. A locked stage locks each shape in it too (client/facilitate/stageLocks.ts);
 * a shape inside a locked stage that is not locked itself (drawn there by a peer at the same
 * moment) is caught by the ancestor check.
 */
export function lockNotice(editor: Editor, shapeId: TLShapeId, kind: OutlineFormKind) {
	const shape = editor.getShape(shapeId)
	if (!shape) return null
	const stage = editor.findShapeAncestor(
		shape,
		(parent) => parent.type === 'frame' && parent.isLocked
	)
	if (stage && stage.type === 'frame') {
		const name = (stage.props as { name: string }).name.trim() || 'Untitled stage'
		return `This ${kind} is in the locked stage “${name}”; it cannot be changed until the stage is unlocked.`
	}
	if (editor.isShapeOrAncestorLocked(shape)) {
		return `This ${kind} is locked; it cannot be changed now.`
	}
	return null
}

/**
 * The frame of every form the outline shows for the selected shape: its heading, a notice when
 * the shape is locked (and then its fields disabled), and an accessible name that says which
 * shape it edits ("Edit enabler: Legal: Data-sharing agreement").
 */
export function OutlineShapeForm({
	editor,
	shapeId,
	kind,
	name,
	testId,
	children,
}: OutlineShapeFormProps) {
	const notice = useValue('outline form lock', () => lockNotice(editor, shapeId, kind), [
		editor,
		shapeId,
		kind,
	])
	const noticeId = useId()
	return (
		<section
			className="dm-outline-form"
			aria-label={`Edit ${kind}: ${name}`}
			data-testid={testId}
			data-kind={kind}
		>
			<h3 className="dm-outline-subheading">Edit {kind}</h3>
			{notice ? (
				<p className="dm-outline-locked" id={noticeId}>
					{notice}
				</p>
			) : null}
			<fieldset
				className="dm-outline-fields"
				disabled={notice !== null}
				aria-describedby={notice ? noticeId : undefined}
			>
				{children}
			</fieldset>
		</section>
	)
}
