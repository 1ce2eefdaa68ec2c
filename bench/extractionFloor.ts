import { IdIndex } from '../shared/model/IdIndex'

type Raw = Record<string, unknown> & { id: string }
type Props = Record<string, unknown>

export interface FloorResult {
	entries: Props[]
	relations: { id: string; from: string | null; to: string | null }[]
	diagnostics: { code: string; shapeId: string; message: string }[]
}

const none: string[] = []

/**
 * Less than any extraction can do, for `npm run bench` to measure beside it: read each record
 * once (index its id and make its plan entry while it is in cache), then resolve the parents and
 * the arrows' ends it noted, and allocate diagnostics with messages for half the typed shapes
 * (extraction reports more on the generated maps). It checks nothing, orders nothing, sorts
 * nothing and shares what it can (check-ins, empty lists), so it is a lower bound: extraction
 * reads the same records and makes at least these objects. Input: the generated maps only.
 */
export function extractionFloor(records: Raw[]): FloorResult {
	const n = records.length
	const positions = new IdIndex(records, n)
	const entries: Props[] = []
	const parents: string[] = []
	const relations: FloorResult['relations'] = []
	const diagnostics: FloorResult['diagnostics'] = []
	const relationOfRecord = new Int32Array(n).fill(-1)
	const ends: string[] = []
	const starts: boolean[] = []
	for (let i = 0; i < n; i++) {
		const record = records[i]!
		positions.add(record.id, i)
		if (record.typeName === 'binding') {
			ends.push(record.fromId as string, record.toId as string)
			starts.push((record.props as Props).terminal === 'start')
			continue
		}
		if (record.typeName !== 'shape') continue
		const p = record.props as Props
		switch (record.type) {
			case 'milestone':
				entries.push({
					id: record.id,
					title: p.title,
					outcome: p.outcome,
					owner: p.owner,
					unblocker: p.unblocker,
					due: p.due,
					status: p.status,
					rag: p.rag,
					checkins: p.checkins,
					stage: null,
					dependsOn: none,
					enablers: none,
					blockers: none,
				})
				parents.push(record.parentId as string)
				if (entries.length % 2 === 0) {
					diagnostics.push({
						code: 'milestone-no-owner',
						shapeId: record.id,
						message: `Milestone "${p.title as string}" is due on ${p.due as string}, after its owner ${p.owner as string} said.`,
					})
				}
				break
			case 'enabler':
				entries.push({
					id: record.id,
					service: p.service,
					contribution: p.contribution,
					how: p.how,
					neededBy: p.neededBy,
					owner: p.owner,
					status: p.status,
					stage: null,
					enables: none,
					blockers: none,
				})
				parents.push(record.parentId as string)
				if (entries.length % 2 === 0) {
					diagnostics.push({
						code: 'enabler-late',
						shapeId: record.id,
						message: `The enabler "${p.contribution as string}" is needed by ${p.neededBy as string}, after ${p.owner as string} can give it.`,
					})
				}
				break
			case 'blocker':
				entries.push({
					id: record.id,
					title: p.title,
					kind: p.kind,
					owner: p.owner,
					severity: p.severity,
					status: p.status,
					stage: null,
					blocks: none,
				})
				parents.push(record.parentId as string)
				break
			case 'arrow':
				relationOfRecord[i] = relations.length
				relations.push({ id: record.id, from: null, to: null })
				break
		}
	}
	for (let e = 0; e < entries.length; e++) {
		const at = positions.get(parents[e]!)
		entries[e]!.stage = at < 0 ? null : records[at]!.id
	}
	for (let b = 0; b < starts.length; b++) {
		const arrow = positions.get(ends[2 * b]!)
		const end = positions.get(ends[2 * b + 1]!)
		if (arrow < 0 || end < 0 || relationOfRecord[arrow]! < 0) continue
		const relation = relations[relationOfRecord[arrow]!]!
		if (starts[b]) relation.from = records[end]!.id
		else relation.to = records[end]!.id
	}
	return { entries, relations, diagnostics }
}
