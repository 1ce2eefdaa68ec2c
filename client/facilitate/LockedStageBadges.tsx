import { useEditor, useValue } from 'tldraw'
import { pageFrames } from './pageFrames'
import { PadlockIcon } from './PadlockIcon'
import './facilitate.css'

/**
 * A "Locked" tag above the top right corner of every locked stage, on everyone's canvas, so that
 * people who find they cannot move something there see why. Rendered in tldraw's
 * `InFrontOfTheCanvas` layer, in screen coordinates, so it keeps its size whatever the zoom.
 */
export function LockedStageBadges() {
	const editor = useEditor()
	const badges = useValue(
		'locked stage badges',
		() =>
			JSON.stringify(
				pageFrames(editor)
					.filter((frame) => frame.isLocked)
					.flatMap((frame) => {
						const bounds = editor.getShapePageBounds(frame)
						if (!bounds) return []
						const corner = editor.pageToViewport({ x: bounds.maxX, y: bounds.minY })
						return [{ id: frame.id, x: Math.round(corner.x), y: Math.round(corner.y) }]
					})
			),
		[editor]
	)
	const list = JSON.parse(badges) as Array<{ id: string; x: number; y: number }>
	return (
		<>
			{list.map((badge) => (
				<div
					key={badge.id}
					className="dm-stage-lock-badge"
					data-testid="stage-lock-badge"
					style={{
						transform: `translate(${badge.x}px, ${badge.y}px) translate(-100%, -100%)`,
					}}
				>
					<PadlockIcon />
					Locked
				</div>
			))}
		</>
	)
}
