import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { distinctNames } from '../../shared/model/distinctNames'
import { isTypedShapeType } from '../../shared/schema/typedShapes'
import type { TypedShape } from '../shapes/shapeTypes'

/**
 * Every name written on the current page: milestone owners and unblockers, enablers' contacts,
 * and who unblocks each blocker.
 */
export function peopleOnMap(editor: Editor): string[] {
	const names: string[] = []
	for (const shape of editor.getCurrentPageShapes()) {
		if (!isTypedShapeType(shape.type)) continue
		const { props } = shape as TypedShape
		names.push(props.owner)
		if ('unblocker' in props) names.push(props.unblocker)
	}
	return distinctNames(names)
}

/**
 * The names to suggest in a person field (owner, unblocker, contact). Gathered when the fields
 * appear and again whenever focus moves, so a field offers the names typed since, including a
 * peer's; not on every change, which on a large map with shapes moving would cost every frame.
 */
export function usePeopleOnMap(editor: Editor): readonly string[] {
	const [people, setPeople] = useState(() => peopleOnMap(editor))
	useEffect(() => {
		const refresh = () => {
			const next = peopleOnMap(editor)
			setPeople((prev) =>
				prev.length === next.length && prev.every((name, i) => name === next[i]) ? prev : next
			)
		}
		const doc = editor.getContainer().ownerDocument
		doc.addEventListener('focusin', refresh)
		return () => doc.removeEventListener('focusin', refresh)
	}, [editor])
	return people
}
