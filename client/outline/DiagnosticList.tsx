import { memo, useState } from 'react'
import type { Diagnostic } from '../../shared/schema/diagnosticSchema'
import { plural } from './MilestoneItem'

const PAGE = 50
const severityLabels = { error: 'Error', warning: 'Warning', info: 'Note' } as const

export interface DiagnosticListProps {
	diagnostics: readonly Diagnostic[]
	/** Whether a shape id names a shape on the map (the others cannot be shown). */
	hasShape: (shapeId: string) => boolean
	onShow: (shapeId: string) => void
}

/**
 * The map checks: errors first, then warnings, then notes, each one a button that selects its
 * shape on the canvas and zooms to it. Long lists show their first entries and a "show more".
 */
export const DiagnosticList = memo(function DiagnosticList({
	diagnostics,
	hasShape,
	onShow,
}: DiagnosticListProps) {
	const [limit, setLimit] = useState(PAGE)
	const counts = { error: 0, warning: 0, info: 0 }
	for (const d of diagnostics) counts[d.severity]++
	const shown = diagnostics.slice(0, limit)
	const hidden = diagnostics.length - shown.length
	const summary =
		diagnostics.length === 0
			? 'No problems found.'
			: [
					counts.error ? plural(counts.error, 'error') : '',
					counts.warning ? plural(counts.warning, 'warning') : '',
					counts.info ? plural(counts.info, 'note') : '',
				]
					.filter(Boolean)
					.join(', ')
	return (
		<section className="dm-outline-checks" aria-labelledby="dm-outline-checks-heading">
			<h3 id="dm-outline-checks-heading" className="dm-outline-subheading">
				Map checks
			</h3>
			<p className="dm-outline-summary" data-testid="outline-checks-summary">
				{summary}
			</p>
			{shown.length > 0 ? (
				<ul className="dm-outline-diagnostics">
					{shown.map((d) => {
						const key = `${d.code}\u0000${d.shapeId ?? ''}\u0000${d.message}`
						const body = (
							<>
								<span className="dm-outline-severity" data-severity={d.severity}>
									{severityLabels[d.severity]}
								</span>
								<span className="dm-outline-message">{d.message}</span>
							</>
						)
						return (
							<li key={key} data-code={d.code}>
								{d.shapeId && hasShape(d.shapeId) ? (
									<button
										type="button"
										className="dm-outline-diagnostic"
										data-shape={d.shapeId}
										onClick={() => onShow(d.shapeId!)}
									>
										{body}
										<span className="dm-visually-hidden"> (show on the canvas)</span>
									</button>
								) : (
									<div className="dm-outline-diagnostic">{body}</div>
								)}
							</li>
						)
					})}
				</ul>
			) : null}
			{hidden > 0 ? (
				<button
					type="button"
					className="dm-outline-more-button"
					onClick={() => setLimit(limit + PAGE)}
				>
					Show {Math.min(PAGE, hidden)} more checks ({hidden} not shown)
				</button>
			) : null}
		</section>
	)
})
