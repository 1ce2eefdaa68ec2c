import type { Checkin } from '../../shared/schema/milestoneProps'
import { formatDate } from './formatDate'
import './ragTrail.css'

/** How many of the newest check-ins the trail shows. */
export const RAG_TRAIL_LENGTH = 6

const ragWords = { none: 'not set', green: 'green', amber: 'amber', red: 'red' } as const

/**
 * A milestone's recent check-ins as coloured dots, oldest left, newest right (and ringed), with
 * the newest check-in's date unless `withDate` is false: the month-by-month story at a glance.
 * Nothing when there are none.
 */
export function RagTrail({
	checkins,
	length = RAG_TRAIL_LENGTH,
	withDate = true,
}: {
	checkins: readonly Checkin[]
	/** How many of the newest check-ins to show. */
	length?: number
	withDate?: boolean
}) {
	if (checkins.length === 0) return null
	const recent = checkins.slice(-length)
	const latest = checkins[checkins.length - 1]!
	const description = recent
		.map((c) => `${ragWords[c.rag]}${c.date === '' ? '' : ` on ${formatDate(c.date)}`}`)
		.join(', ')
	return (
		<div
			className="dm-rag-trail"
			data-testid="rag-trail"
			role="img"
			aria-label={`Recent check-ins, oldest first: ${description}`}
		>
			<span className="dm-rag-trail-dots">
				{recent.map((c, i) => (
					<span
						key={i}
						className="dm-rag-trail-dot"
						data-rag={c.rag}
						data-latest={i === recent.length - 1 ? 'true' : undefined}
						title={`${c.date === '' ? 'Undated' : formatDate(c.date)}: ${ragWords[c.rag]}${c.note === '' ? '' : ` · ${c.note}`}`}
					/>
				))}
			</span>
			{withDate ? (
				<span className="dm-rag-trail-date" title="Latest check-in">
					{latest.date === '' ? 'undated' : formatDate(latest.date)}
				</span>
			) : null}
		</div>
	)
}
