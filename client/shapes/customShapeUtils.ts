import {
	ArrowShapeUtil,
	defaultShapeUtils,
	GeoShapeUtil,
	NoteShapeUtil,
	TextShapeUtil,
} from 'tldraw'
import { BlockerShapeUtil } from './BlockerShapeUtil'
import { EnablerShapeUtil } from './EnablerShapeUtil'
import { MilestoneShapeUtil } from './MilestoneShapeUtil'
import { StageShapeUtil } from './StageShapeUtil'
import { withSvgTextLabels } from './withSvgTextLabels'

/**
 * The delivery-map shape utils, given to `<Tldraw shapeUtils>`: tldraw puts them beside its own,
 * the stage in place of its frame, and tldraw's arrow, text, note and geo shapes with their words
 * exported as SVG text (same types, props and migrations).
 */
export const customShapeUtils = [
	MilestoneShapeUtil,
	EnablerShapeUtil,
	BlockerShapeUtil,
	StageShapeUtil,
	withSvgTextLabels(ArrowShapeUtil),
	withSvgTextLabels(TextShapeUtil),
	withSvgTextLabels(NoteShapeUtil),
	withSvgTextLabels(GeoShapeUtil),
]

/** Every shape util a map's store knows: tldraw's, with ours replacing those of the same type. */
export const mapShapeUtils = [
	...defaultShapeUtils.filter((util) => !customShapeUtils.some((own) => own.type === util.type)),
	...customShapeUtils,
]
