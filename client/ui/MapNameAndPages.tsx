import { DefaultPageMenu, PORTRAIT_BREAKPOINT, useBreakpoint, useEditor, useValue } from 'tldraw'
import { MapNameField } from './MapNameField'

/**
 * tldraw's page menu slot, top left: the map's name, then the pages. On a phone a map of one
 * page shows its name only, so that the share zone (connection, your name, Share) still fits.
 */
export function MapNameAndPages() {
	const editor = useEditor()
	const breakpoint = useBreakpoint()
	const pages = useValue('page count', () => editor.getPages().length, [editor])
	const showPages = pages > 1 || breakpoint >= PORTRAIT_BREAKPOINT.TABLET_SM
	return (
		<>
			<MapNameField />
			{showPages ? <DefaultPageMenu /> : null}
		</>
	)
}
