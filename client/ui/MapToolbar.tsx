import {
	ArrowToolbarItem,
	DefaultToolbar,
	DrawToolbarItem,
	EllipseToolbarItem,
	EraserToolbarItem,
	HandToolbarItem,
	LaserToolbarItem,
	LineToolbarItem,
	NoteToolbarItem,
	RectangleToolbarItem,
	SelectToolbarItem,
	TextToolbarItem,
	ToolbarItem,
} from 'tldraw'
import { mapTools } from './uiOverrides'

/** tldraw's toolbar with the delivery-map tools up front, after select and hand. */
export function MapToolbar() {
	return (
		<DefaultToolbar>
			<SelectToolbarItem />
			<HandToolbarItem />
			{mapTools.map((tool) => (
				<ToolbarItem key={tool.id} tool={tool.id} />
			))}
			<ArrowToolbarItem />
			<TextToolbarItem />
			<NoteToolbarItem />
			<DrawToolbarItem />
			<EraserToolbarItem />
			<RectangleToolbarItem />
			<EllipseToolbarItem />
			<LineToolbarItem />
			<LaserToolbarItem />
		</DefaultToolbar>
	)
}
