import { createShapeId, StateNode, type TLFrameShape } from 'tldraw'
import { refuseOnLockedStage } from '../facilitate/lockedStageAt'

export const STAGE_WIDTH = 1000
export const STAGE_HEIGHT = 720

/** The name of the next stage: "Stage N" with N one more than the stages already on the page. */
export function nextStageName(existingNames: string[]): string {
	let highest = 0
	for (const name of existingNames) {
		const m = /^Stage (\d+)$/.exec(name.trim())
		if (m) highest = Math.max(highest, Number(m[1]))
	}
	return `Stage ${Math.max(highest, existingNames.length) + 1}`
}

/** A stage is a tldraw frame whose name is the stage's name. Click to add one at the pointer. */
export class StageTool extends StateNode {
	static override id = 'stage'

	override onEnter() {
		this.editor.setCursor({ type: 'cross', rotation: 0 })
	}

	override onExit() {
		this.editor.setCursor({ type: 'default', rotation: 0 })
	}

	override onPointerUp() {
		const point = this.editor.inputs.getCurrentPagePoint()
		if (refuseOnLockedStage(this.editor, point, 'No stage can be added inside it.')) {
			this.editor.setCurrentTool('select')
			return
		}
		const frames = this.editor
			.getCurrentPageShapes()
			.filter((s): s is TLFrameShape => s.type === 'frame')
		const id = createShapeId()
		this.editor.markHistoryStoppingPoint('add stage')
		this.editor.createShape<TLFrameShape>({
			id,
			type: 'frame',
			x: point.x,
			y: point.y,
			props: {
				w: STAGE_WIDTH,
				h: STAGE_HEIGHT,
				name: nextStageName(frames.map((f) => f.props.name)),
			},
		})
		this.editor.select(id)
		this.editor.setCurrentTool('select')
	}

	override onCancel() {
		this.editor.setCurrentTool('select')
	}
}
