import { defaultShapeUtils } from 'tldraw'
import { BlockerShapeUtil } from './BlockerShapeUtil'
import { EnablerShapeUtil } from './EnablerShapeUtil'
import { MapArrowShapeUtil } from './MapArrowShapeUtil'
import { MilestoneShapeUtil } from './MilestoneShapeUtil'
import { StageShapeUtil } from './StageShapeUtil'

/**
 * The delivery-map shape utils, given to `<Tldraw shapeUtils>`: tldraw puts them beside its own,
 * the stage in place of its frame and our arrow in place of tldraw's (same types, props and
 * migrations).
 */
export const customShapeUtils = [
	MilestoneShapeUtil,
	EnablerShapeUtil,
	BlockerShapeUtil,
	StageShapeUtil,
	MapArrowShapeUtil,
]

/** Every shape util a map's store knows: tldraw's, with ours replacing those of the same type. */
export const mapShapeUtils = [
	...defaultShapeUtils.filter((util) => !customShapeUtils.some((own) => own.type === util.type)),
	...customShapeUtils,
]
