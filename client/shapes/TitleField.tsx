import { useEffect, useRef } from 'react'
import { useEditor, useIsEditing, type TLShapeId } from 'tldraw'

interface TitleFieldProps {
	shapeId: TLShapeId
	shapeType: 'milestone' | 'enabler' | 'blocker'
	/** The prop that holds the shape's headline text. */
	prop: 'title' | 'contribution'
	value: string
	placeholder: string
	className: string
}

/** The shape's headline: plain text, or an input while the shape is being edited (double-click). */
export function TitleField({
	shapeId,
	shapeType,
	prop,
	value,
	placeholder,
	className,
}: TitleFieldProps) {
	const editor = useEditor()
	const isEditing = useIsEditing(shapeId)
	const inputRef = useRef<HTMLTextAreaElement>(null)

	useEffect(() => {
		if (!isEditing) return
		const input = inputRef.current
		if (!input) return
		input.focus()
		input.select()
	}, [isEditing])

	if (!isEditing) {
		return (
			<div className={className} data-empty={value === '' ? 'true' : undefined}>
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
