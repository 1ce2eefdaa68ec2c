import { Editor, type TLBinding, type TLShape, type TLShapeId } from 'tldraw'
import { BindingsByShape } from './BindingsByShape'
import { efficientZoomLevel } from './efficientZoomLevel'
import { renderingShapesByLayout } from './renderingShapesByLayout'

let patched = false

/**
 * Three of tldraw's editor methods, read so that one change wakes only what it changes.
 * - `getBindingsInvolvingShape` and `getEfficientZoomLevel`: in tldraw 5.4.2 both derive from the
 *   store's whole history, so on a 5,000-shape map with 1,666 arrows one title typed on a card woke
 *   about 6,700 effects and took about 25 ms, against about 10 ms without them (see BindingsByShape
 *   and efficientZoomLevel).
 * - `getRenderingShapes`: the canvas's list of shapes is made again only when the map's make-up
 *   changes, not while cards are dragged about, so a peer dragging cards does not make every
 *   participant walk every shape on the page at each step (see renderingShapesByLayout).
 * Patched on the class, before any editor draws a shape: the effects that read these methods keep
 * what they depended on when they first ran. Stores that BindingsByShape and ShapeLayout do not
 * track keep tldraw's own ways.
 */
export function patchEditor(): void {
	if (patched) return
	patched = true
	const proto = Editor.prototype
	const ownIndex = proto.getBindingsInvolvingShape
	proto.getBindingsInvolvingShape = function (
		this: Editor,
		shape: TLShape | TLShapeId,
		type?: TLBinding['type']
	) {
		const index = BindingsByShape.of(this.store)
		if (!index) return ownIndex.call(this, shape, type)
		const bindings = index.get(typeof shape === 'string' ? shape : shape.id)
		return type ? bindings.filter((b) => b.type === type) : bindings
	} as Editor['getBindingsInvolvingShape']
	proto.getEfficientZoomLevel = function (this: Editor) {
		return efficientZoomLevel(this)
	}
	const ownRenderingShapes = proto.getRenderingShapes
	proto.getRenderingShapes = function (this: Editor) {
		return renderingShapesByLayout(this) ?? ownRenderingShapes.call(this)
	}
}
