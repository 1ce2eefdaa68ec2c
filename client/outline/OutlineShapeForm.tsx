import type { ReactNode } from 'react'
import type { Editor, TLShapeId } from 'tldraw'
import { LockableFields } from '../facilitate/LockableFields'
import type { LockableKind } from '../facilitate/lockNotice'

/** What the outline can edit, in the words its forms use. */
export type OutlineFormKind = LockableKind

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
	return (
		<section
			className="dm-outline-form"
			aria-label={`Edit ${kind}: ${name}`}
			data-testid={testId}
			data-kind={kind}
		>
			<h3 className="dm-outline-subheading">Edit {kind}</h3>
			<LockableFields
				editor={editor}
				shapeId={shapeId}
				kind={kind}
				className="dm-outline-fields"
				noticeClassName="dm-outline-locked"
			>
				{children}
			</LockableFields>
		</section>
	)
}
