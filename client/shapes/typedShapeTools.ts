import { BaseBoxShapeTool } from 'tldraw'

/** Click to drop a milestone, or drag to size one. */
export class MilestoneTool extends BaseBoxShapeTool {
	static override id = 'milestone'
	static override initial = 'idle'
	override shapeType = 'milestone' as const
}

export class EnablerTool extends BaseBoxShapeTool {
	static override id = 'enabler'
	static override initial = 'idle'
	override shapeType = 'enabler' as const
}

export class BlockerTool extends BaseBoxShapeTool {
	static override id = 'blocker'
	static override initial = 'idle'
	override shapeType = 'blocker' as const
}
