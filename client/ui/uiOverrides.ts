import type { TLUiOverrides } from 'tldraw'

/** The delivery-map tools: toolbar entries and their keyboard shortcuts. */
export const mapTools = [
	{ id: 'milestone', label: 'Milestone', icon: 'check-circle', kbd: 'm' },
	{ id: 'enabler', label: 'Enabler', icon: 'plus', kbd: 'c' },
	{ id: 'blocker', label: 'Blocker', icon: 'warning-triangle', kbd: 'b' },
	{ id: 'stage', label: 'Stage', icon: 'tool-frame', kbd: 's' },
] as const

export const uiOverrides: TLUiOverrides = {
	tools(editor, tools) {
		for (const tool of mapTools) {
			tools[tool.id] = {
				id: tool.id,
				label: `tool.${tool.id}`,
				icon: tool.icon,
				kbd: tool.kbd,
				onSelect: () => editor.setCurrentTool(tool.id),
			}
		}
		// `b` is the blocker's; draw keeps `d` and `x`.
		const draw = tools['draw']
		if (draw) draw.kbd = 'd,x'
		return tools
	},
	translations: {
		en: Object.fromEntries(mapTools.map((tool) => [`tool.${tool.id}`, tool.label])),
	},
}
