import { useEffect, useRef } from 'react'
import { useEditor, useIsEditing, type TLShapeId } from 'tldraw'
import { useCardFontReady } from './cardFont'
import { fitTitle, type TitleRoom } from './fitTitle'

interface TitleFieldProps {
	shapeId: TLShapeId
	shapeType: 'milestone' | 'enabler' | 'blocker'
	/** The prop that holds the shape's headline text. */
	prop: 'title' | 'contribution'
	value: string
	placeholder: string
	className: string
	/** Where the title is written: a long one is made smaller to fit whole (fitTitle). */
	room: TitleRoom
}

/** The shape's headline: plain text, or an input while the shape is being edited (double-click). */
export function TitleField({
	shapeId,
	shapeType,
	prop,
	value,
	placeholder,
	className,
	room,
}: TitleFieldProps) {
	const editor = useEditor()
	const isEditing = useIsEditing(shapeId)
	const inputRef = useRef<HTMLTextAreaElement>(null)
	// A title fitted before the cards' font loaded was measured in the fallback font: fit it again.
	useCardFontReady(editor)

	useEffect(() => {
		if (!isEditing) return
		const input = inputRef.current
		if (!input) return
		input.focus()
		input.select()
		// A double-click starts editing on its second press, before the browser's own default for
		// that press moves the focus to the canvas: the typing then went to tldraw's shortcuts
		// (whenever the card was not selected before). Take the focus back once that is done.
		const timer = editor.timers.setTimeout(() => {
			if (editor.getEditingShapeId() !== shapeId) return
			if (input.ownerDocument.activeElement === input) return
			input.focus()
			input.select()
		}, 0)
		return () => clearTimeout(timer)
	}, [editor, isEditing, shapeId])

	if (!isEditing) {
		const fitted = fitTitle(editor, value, room)
		const style =
			fitted.fontSize === room.fontSize
				? undefined
				: {
						fontSize: fitted.fontSize,
						lineHeight: fitted.lineHeight,
						WebkitLineClamp: fitted.lines,
						maxHeight: fitted.lines * fitted.fontSize * fitted.lineHeight,
					}
		return (
			<div className={className} data-empty={value === '' ? 'true' : undefined} style={style}>
				{value === '' ? placeholder : value}
			</div>
		)
	}

	const stopEditing = () => {
		if (editor.getEditingShapeId() === shapeId) {
			editor.setEditingShape(null)
			editor.setCurrentTool('select.idle')
		}
	}

	return (
		<textarea
			ref={inputRef}
			className={`${className} dm-title-input`}
			aria-label={prop === 'title' ? 'Title' : 'What is needed'}
			value={value}
			placeholder={placeholder}
			rows={2}
			onPointerDown={(e) => e.stopPropagation()}
			onChange={(e) => {
				editor.updateShape({
					id: shapeId,
					type: shapeType,
					props: { [prop]: e.currentTarget.value },
				})
			}}
			onKeyDown={(e) => {
				e.stopPropagation()
				if ((e.key === 'Enter' && !e.shiftKey) || e.key === 'Escape') {
					e.preventDefault()
					stopEditing()
				}
			}}
		/>
	)
}
