import { useId, type ReactNode } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import { lockNotice, type LockableKind } from './lockNotice'

interface LockableFieldsProps {
	editor: Editor
	shapeId: TLShapeId
	kind: LockableKind
	/** The fieldset's class, and the notice's. */
	className: string
	noticeClassName: string
	children: ReactNode
}

/**
 * A shape's fields, in one fieldset that is disabled while the shape is locked, under a notice
 * that says why (and describes the fieldset to screen readers): the properties panel and the
 * outline's forms.
 */
export function LockableFields({
	editor,
	shapeId,
	kind,
	className,
	noticeClassName,
	children,
}: LockableFieldsProps) {
	const notice = useValue('shape lock notice', () => lockNotice(editor, shapeId, kind), [
		editor,
		shapeId,
		kind,
	])
	const noticeId = useId()
	return (
		<>
			{notice ? (
				<p className={noticeClassName} id={noticeId}>
					{notice}
				</p>
			) : null}
			<fieldset
				className={className}
				disabled={notice !== null}
				aria-describedby={notice ? noticeId : undefined}
			>
				{children}
			</fieldset>
		</>
	)
}
