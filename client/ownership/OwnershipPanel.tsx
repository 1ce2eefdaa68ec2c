import { Fragment, useId, useMemo } from 'react'
import type { Editor } from 'tldraw'
import { exportLabels } from '../../shared/export/exportLabels'
import { indexPlan, shapeLabel, type PlanIndex } from '../../shared/export/indexPlan'
import { ownershipOf, type PersonLoad } from '../../shared/model/ownership'
import { useLivePlan } from '../plan/useLivePlan'
import type { RoomSession } from '../room/RoomSession'
import { formatDate } from '../shapes/formatDate'
import { focusShape } from '../room/focusShape'
import './ownership.css'

/**
 * The People tab: each person named on the map (names grouped as shared's `ownershipOf` does),
 * with the milestones they own, those they unblock, the enablers they owe and the blockers they
 * must clear; anyone who unblocks too many open milestones is flagged. Every item selects and
 * zooms to its shape.
 */
export function OwnershipPanel({ editor }: { editor: Editor; session: RoomSession }) {
	const plan = useLivePlan(editor)
	const { ownership, index } = useMemo(
		() => ({ ownership: ownershipOf(plan), index: indexPlan(plan) }),
		[plan]
	)
	const { people, unassigned, overloadThreshold } = ownership
	const flagged = people.filter((p) => p.overloaded).length
	const gaps = [
		{ title: 'Milestones without an owner', ids: unassigned.milestonesWithoutOwner },
		{ title: 'Milestones without an unblocker', ids: unassigned.milestonesWithoutUnblocker },
		{ title: 'Enablers without a contact', ids: unassigned.enablersWithoutOwner },
		{ title: 'Blockers nobody owns', ids: unassigned.blockersWithoutOwner },
	].filter((gap) => gap.ids.length > 0)

	return (
		<div className="dm-people">
			<h2 className="dm-people-title">People</h2>
			{people.length === 0 ? (
				<p className="dm-sidebar-empty">
					Nobody is named on the map yet. Give each milestone an owner and an unblocker, and each
					enabler a contact in its service.
				</p>
			) : (
				<p className="dm-hint">
					{people.length} {people.length === 1 ? 'person' : 'people'}, busiest first.{' '}
					{flagged > 0
						? `${flagged} unblock${flagged === 1 ? 's' : ''} ${overloadThreshold} or more open milestones.`
						: ''}
				</p>
			)}
			<ul className="dm-people-list" aria-label="People on this map">
				{people.map((person) => (
					<Person
						key={person.key}
						person={person}
						index={index}
						threshold={overloadThreshold}
						onPick={(id) => focusShape(editor, id)}
					/>
				))}
			</ul>
			{gaps.length > 0 ? (
				<section className="dm-people-gaps" aria-labelledby="dm-people-gaps-heading">
					<h3 id="dm-people-gaps-heading">Nobody named yet</h3>
					{gaps.map((gap) => (
						<ItemGroup
							key={gap.title}
							title={gap.title}
							ids={gap.ids}
							index={index}
							onPick={(id) => focusShape(editor, id)}
						/>
					))}
				</section>
			) : null}
		</div>
	)
}

interface PersonProps {
	person: PersonLoad
	index: PlanIndex
	threshold: number
	onPick: (id: string) => void
}

function Person({ person, index, threshold, onPick }: PersonProps) {
	const headingId = useId()
	return (
		<li
			className="dm-person"
			data-overloaded={person.overloaded ? 'true' : undefined}
			data-testid="person"
			aria-labelledby={headingId}
		>
			<div className="dm-person-head">
				<h3 id={headingId} className="dm-person-name">
					{person.name}
				</h3>
				<span className="dm-person-load" title="Open items: milestones, enablers and blockers">
					{person.load} open
				</span>
			</div>
			{person.overloaded ? (
				<p className="dm-person-flag" role="note">
					<span aria-hidden="true">⚠</span>{' '}
					{`Unblocks ${person.openUnblocks} open milestones (the flag is at ${threshold}): a likely bottleneck. Could someone else unblock some of them?`}
				</p>
			) : null}
			<ItemGroup title="Owns" ids={person.milestonesOwned} index={index} onPick={onPick} />
			<ItemGroup title="Unblocks" ids={person.milestonesUnblocked} index={index} onPick={onPick} />
			<ItemGroup title="Enablers owed" ids={person.enablersOwed} index={index} onPick={onPick} />
			<ItemGroup
				title="Blockers to clear"
				ids={person.blockersToUnblock}
				index={index}
				onPick={onPick}
			/>
		</li>
	)
}

interface ItemGroupProps {
	title: string
	ids: string[]
	index: PlanIndex
	onPick: (id: string) => void
}

function ItemGroup({ title, ids, index, onPick }: ItemGroupProps) {
	if (ids.length === 0) return null
	return (
		<div className="dm-people-group">
			<h4>
				{title} ({ids.length})
			</h4>
			<ul>
				{ids.map((id) => (
					<li key={id}>
						<button
							type="button"
							className="dm-people-item"
							data-state={stateOf(index, id)}
							onClick={() => onPick(id)}
						>
							<span className="dm-people-marker" data-rag={ragOf(index, id)} aria-hidden="true" />
							<span className="dm-people-label">{shapeLabel(index, id)}</span>
							<span className="dm-people-state">
								{stateParts(index, id).map((part, i) => (
									<Fragment key={i}>
										{i > 0 && ' · '}
										<span className="dm-people-state-part">{part}</span>
									</Fragment>
								))}
							</span>
						</button>
					</li>
				))}
			</ul>
		</div>
	)
}

function ragOf(index: PlanIndex, id: string): string | undefined {
	return index.milestones.get(id)?.rag
}

/** 'done' for what needs nothing more (done, delivered, resolved), so it can be shown quieter. */
function stateOf(index: PlanIndex, id: string): string | undefined {
	const m = index.milestones.get(id)
	if (m) return m.status === 'done' ? 'done' : undefined
	const e = index.enablers.get(id)
	if (e) return e.status === 'delivered' ? 'done' : undefined
	const b = index.blockers.get(id)
	if (b) return b.status === 'resolved' ? 'done' : undefined
	return undefined
}

/** What an item's state says, in parts that each stay on one line ("by 1 Mar 2027"). */
function stateParts(index: PlanIndex, id: string): string[] {
	const m = index.milestones.get(id)
	if (m) {
		if (m.status === 'done') return ['Done']
		const rag = m.rag === 'none' ? '' : exportLabels.rag[m.rag]
		const due = m.due === '' ? '' : `due ${formatDate(m.due)}`
		return [rag, due].filter(Boolean)
	}
	const e = index.enablers.get(id)
	if (e) {
		const by = e.neededBy && `by ${formatDate(e.neededBy)}`
		return [exportLabels.enablerStatus[e.status], by].filter(Boolean)
	}
	const b = index.blockers.get(id)
	if (b)
		return [b.status === 'resolved' ? 'Resolved' : `${exportLabels.severity[b.severity]} severity`]
	return []
}
