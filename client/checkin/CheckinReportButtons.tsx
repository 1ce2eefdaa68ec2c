import { useState } from 'react'
import type { Editor } from 'tldraw'
import { toCheckinReport } from '../../shared/export/toCheckinReport'
import { localToday } from '../../shared/schema/dateString'
import type { Plan } from '../../shared/schema/planSchema'
import { currentMapName } from '../room/currentMapName'
import { downloadText } from './downloadText'

/**
 * The check-in report (shared's `toCheckinReport`): what changed since the last check-in, what is
 * red, and the open blockers by owner, as Markdown to download or paste into an email. Headed by
 * the map's name, read when the report is made, so a forwarded report says which map it is.
 */
export function CheckinReportButtons({ plan, editor }: { plan: Plan; editor: Editor }) {
	const [status, setStatus] = useState('')
	const report = () => {
		const today = localToday()
		return { today, text: toCheckinReport(plan, { today, mapName: currentMapName(editor) }) }
	}
	return (
		<section className="dm-checkin-report" aria-labelledby="dm-checkin-report-heading">
			<h3 id="dm-checkin-report-heading">Check-in report</h3>
			<p className="dm-hint">
				What changed since the last check-in, what is red, and the open blockers by owner
				(Markdown).
			</p>
			<div className="dm-checkin-report-buttons">
				<button
					type="button"
					className="dm-button"
					onClick={() => {
						const { today, text } = report()
						downloadText(`check-in-report-${today}.md`, text, 'text/markdown; charset=utf-8')
						setStatus('Report downloaded.')
					}}
				>
					Download report
				</button>
				<button
					type="button"
					className="dm-button"
					onClick={() => {
						const { text } = report()
						navigator.clipboard.writeText(text).then(
							() => setStatus('Report copied: paste it into an email or a document.'),
							() => setStatus('This browser did not allow copying. Use Download report instead.')
						)
					}}
				>
					Copy report
				</button>
			</div>
			<p className="dm-hint" role="status">
				{status}
			</p>
		</section>
	)
}
