import { FrameShapeUtil, Vec, type TLFrameShape } from 'tldraw'

/**
 * A stage: tldraw's frame, with its cards clipped to the frame's own rectangle.
 *
 * tldraw clips a frame's children to the frame's geometry, and that geometry holds the heading,
 * sized for the zoom level, which tldraw takes from the page's shape count. So every change to
 * any shape reached every card in every frame: on a 5,000-shape map, each edit woke 5,000
 * card effects (about two thirds of the edit's cost) only for them to find nothing changed. The
 * rectangle is the same clip (the geometry's vertices leave the heading out) without that tie.
 */
export class StageShapeUtil extends FrameShapeUtil {
	override getClipPath(shape: TLFrameShape): Vec[] {
		const { w, h } = shape.props
		return [new Vec(0, 0), new Vec(w, 0), new Vec(w, h), new Vec(0, h)]
	}
}
