import type { TLFrameShape } from 'tldraw'

/** A stage (a frame) as the panels and notices name it. */
export function stageName(stage: TLFrameShape): string {
	return stage.props.name.trim() || 'Untitled stage'
}
