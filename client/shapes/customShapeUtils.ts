import { BlockerShapeUtil } from './BlockerShapeUtil'
import { EnablerShapeUtil } from './EnablerShapeUtil'
import { MilestoneShapeUtil } from './MilestoneShapeUtil'

/** The delivery-map shape utils, registered beside tldraw's defaults. */
export const customShapeUtils = [MilestoneShapeUtil, EnablerShapeUtil, BlockerShapeUtil]
