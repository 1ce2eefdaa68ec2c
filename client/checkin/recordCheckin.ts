import type { Editor, TLShapeId } from 'tldraw'
import { appendCheckin, CheckinError, type NewCheckin } from '../../shared/model/appendCheckin'
import { localToday } from '../../shared/schema/dateString'
import { lockNotice } from '../facilitate/lockNotice'
import type { MilestoneShape } from '../shapes/shapeTypes'

/**
 * Appends a check-in to a milestone on the canvas through shared's `appendCheckin`, as one undo
 * step, with `editor.updateShape` (so it syncs to everyone in the room). Throws the
 * `CheckinError` for bad input, and a `CheckinError` when the milestone has gone or is locked
 * (tldraw would drop the update on a locked shape, and the panel would report a check-in that was
 * never saved); nothing changes.
 */
export function recordCheckin(
	editor: Editor,
	id: string,
	checkin: NewCheckin,
	today: string = localToday()
): MilestoneShape['props'] {
	const shape = editor.getShape(id as TLShapeId)
	if (!shape || shape.type !== 'milestone') {
		throw new CheckinError(
			'checkins-unreadable',
			'checkins',
			'This milestone is no longer on the map (someone may have deleted it). Nothing was changed.'
		)
	}
	const locked = lockNotice(editor, shape.id, 'milestone')
	if (locked) {
		throw new CheckinError(
			'checkin-locked',
			'checkins',
			`${locked} Nothing was recorded: unlock it in the Facilitate tab first.`
		)
	}
	const milestone = shape as MilestoneShape
	const props = appendCheckin(milestone.props, checkin, today)
	editor.markHistoryStoppingPoint('record check-in')
	editor.updateShape<MilestoneShape>({
		id: milestone.id,
		type: 'milestone',
		props: { checkins: props.checkins, rag: props.rag },
	})
	return props
}
