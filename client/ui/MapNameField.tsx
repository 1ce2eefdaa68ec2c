import { useRef, useState, type KeyboardEvent } from 'react'
import { useEditor, useValue } from 'tldraw'
import { cleanMapName, MAX_MAP_NAME_LENGTH, shownMapName } from '../../shared/model/mapName'
import { currentMapName } from '../room/currentMapName'
import './mapName.css'

/**
 * The map's name, top left, for everyone in the room: an edit link renames it in place (Enter or
 * leaving the field keeps it, Escape puts the old name back); a view link shows it. Stored as the
 * tldraw document's name, so it syncs, names exported files and comes with a .tldr file.
 */
export function MapNameField() {
	const editor = useEditor()
	const name = useValue('map name', () => currentMapName(editor), [editor])
	const readonly = useValue('readonly', () => editor.getIsReadonly(), [editor])
	/** What the person is typing, while the field has the focus. */
	const [draft, setDraft] = useState<string | null>(null)
	/** Set by Escape: the blur that follows keeps the old name. */
	const cancelled = useRef(false)

	if (readonly) {
		return (
			<span className="dm-map-name" data-testid="map-name" title={shownMapName(name)}>
				{shownMapName(name)}
			</span>
		)
	}

	const commit = () => {
		if (cancelled.current || draft === null) {
			cancelled.current = false
			setDraft(null)
			return
		}
		const next = cleanMapName(draft)
		setDraft(null)
		if (next !== name) editor.updateDocumentSettings({ name: next })
	}
	// In the capture phase, as tldraw's own inputs do: tldraw also acts on Escape.
	const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
		if (event.nativeEvent.isComposing) return
		if (event.key === 'Enter') {
			event.stopPropagation()
			event.currentTarget.blur()
		} else if (event.key === 'Escape') {
			event.stopPropagation()
			cancelled.current = true
			event.currentTarget.blur()
		}
	}
	return (
		<input
			className="dm-map-name"
			data-testid="map-name"
			aria-label="Map name"
			placeholder="Untitled map"
			title="Rename this map for everyone"
			maxLength={MAX_MAP_NAME_LENGTH * 2}
			spellCheck={false}
			value={draft ?? name}
			onFocus={(event) => {
				setDraft(name)
				event.currentTarget.select()
			}}
			onChange={(event) => setDraft(event.target.value)}
			onBlur={commit}
			onKeyDownCapture={onKeyDownCapture}
		/>
	)
}
