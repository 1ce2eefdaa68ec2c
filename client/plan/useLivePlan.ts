import { useEffect, useState } from 'react'
import type { Editor } from 'tldraw'
import { extractPlan } from '../../shared/model/extractPlan'
import type { Plan } from '../../shared/schema/planSchema'

/** The document's shapes and bindings, the records the plan is made from. */
export function planRecordsOf(editor: Editor): unknown[] {
	return editor.store.allRecords().filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
}

/** The plan of the map in the editor, now. */
export function currentPlan(editor: Editor): Plan {
	return extractPlan(planRecordsOf(editor))
}

/**
 * The plan of the map in the editor, kept live: recomputed at most once a frame after the
 * document changes (local or remote), never on every store event.
 */
export function useLivePlan(editor: Editor): Plan {
	const [plan, setPlan] = useState(() => currentPlan(editor))
	useEffect(() => {
		let frame = 0
		const schedule = () => {
			if (frame) return
			frame = requestAnimationFrame(() => {
				frame = 0
				setPlan(currentPlan(editor))
			})
		}
		const stop = editor.store.listen(schedule, { scope: 'document' })
		schedule()
		return () => {
			stop()
			if (frame) cancelAnimationFrame(frame)
		}
	}, [editor])
	return plan
}
