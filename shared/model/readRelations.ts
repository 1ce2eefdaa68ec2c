import type { Diagnostic } from '../schema/diagnosticSchema'
import type { PlanRelation } from '../schema/planSchema'
import { link, type ShapeIndex, type ShapeNode } from './indexShapes'
import type { BindingRecord, ShapeRecord } from './records'
import { makeDiagnostic } from './makeDiagnostic'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { richTextToPlain } from './richTextToPlain'

/**
 * The relations drawn as arrows (SPEC A1-A4): an arrow bound at both ends between typed shapes.
 * milestone A -> milestone B: B depends on A. enabler, blocker: either direction. Each relation
 * is also linked into the nodes of its two shapes (`out`, `enablers`, `blockedBy`).
 */
export function readRelations(index: ShapeIndex, diagnostics: Diagnostic[]): PlanRelation[] {
	const { records, positions, nodeAt, bindings } = index
	// The binding at each end of each arrow, by the arrow's position: binding position + 1, or 0;
	// and where the shape that end touches sits: its position + 1, or 0 when it does not exist.
	const startOf = new Int32Array(records.length)
	const endOf = new Int32Array(records.length)
	const startTo = new Int32Array(records.length)
	const endTo = new Int32Array(records.length)
	for (let i = 0; i < bindings.length; i++) {
		const b = records[bindings[i]!] as BindingRecord
		if (b.type !== 'arrow') continue
		const at = positions.get(b.fromId)
		const arrow = at < 0 ? undefined : (records[at] as ShapeRecord)
		if (!arrow || arrow.typeName !== 'shape' || arrow.type !== 'arrow') {
			diagnostics.push(
				makeDiagnostic(
					'arrow-dangling',
					b.id,
					`Arrow binding ${b.id} starts from ${b.fromId}, which is not an arrow on the map; it was ignored.`
				)
			)
			continue
		}
		// Two bindings on one end: keep the one with the smaller id, so the order of records does not matter.
		const terminal = b.props.terminal
		const isStart = terminal === 'start'
		if (!isStart && terminal !== 'end') continue
		const ends = isStart ? startOf : endOf
		const kept = ends[at]!
		if (kept === 0 || b.id < records[kept - 1]!.id) {
			ends[at] = bindings[i]! + 1
			;(isStart ? startTo : endTo)[at] = positions.get(b.toId) + 1
		}
	}

	const relations: PlanRelation[] = []
	for (const at of index.arrows) {
		const from = startTo[at] ? nodeAt(startTo[at]! - 1) : undefined
		const to = endTo[at] ? nodeAt(endTo[at]! - 1) : undefined
		const arrow = records[at] as ShapeRecord
		const id = arrow.id
		if (!from || !to) {
			let bound = 0
			// Each end's shape was found with its binding: an end bound to no shape is dangling.
			for (const [end, shape] of [
				[startOf[at]!, from],
				[endOf[at]!, to],
			] as const) {
				if (!end) continue
				if (shape) bound++
				else {
					const b = records[end - 1] as BindingRecord
					diagnostics.push(
						makeDiagnostic(
							'arrow-dangling',
							id,
							`An arrow is bound to ${b.toId}, which does not exist; that end counts as unbound.`
						)
					)
				}
			}
			diagnostics.push(
				makeDiagnostic(
					'arrow-unbound',
					id,
					`An arrow is connected at ${bound === 0 ? 'neither end' : 'only one end'}; it is not part of the plan until both ends touch a shape.`
				)
			)
			continue
		}
		const kind = from === to ? null : kindOf(from.type, to.type)
		if (!kind) {
			diagnostics.push(
				makeDiagnostic(
					'arrow-ignored',
					id,
					from === to
						? `An arrow starts and ends on the same shape; it was ignored.`
						: `An arrow from a ${label(from)} to a ${label(to)} has no meaning in the plan; it was ignored.`
				)
			)
			continue
		}
		// The relation runs from the milestone depended on, the enabler, or the blocker.
		const forward = kind === 'depends-on' || from.type === kindSource[kind]
		const source = forward ? from : to
		const target = forward ? to : from
		const props = arrow.props
		let note = richTextToPlain(props.richText ?? props.text)
		if (note.length > MAX_TEXT_LENGTH) note = note.slice(0, MAX_TEXT_LENGTH)
		relations.push({ id, kind, from: source.id, to: target.id, note })
		connect(kind, source, target)
	}
	return relations
}

const kindSource = { 'depends-on': 'milestone', enables: 'enabler', blocks: 'blocker' } as const

/** The relation an arrow between shapes of these types draws, in either direction, or null. */
function kindOf(a: string, b: string): PlanRelation['kind'] | null {
	if (a === 'milestone') {
		if (b === 'milestone') return 'depends-on'
		if (b === 'enabler') return 'enables'
		if (b === 'blocker') return 'blocks'
	} else if (a === 'enabler') {
		if (b === 'milestone') return 'enables'
		if (b === 'blocker') return 'blocks'
	} else if (a === 'blocker') {
		if (b === 'milestone' || b === 'enabler') return 'blocks'
	}
	return null
}

/** Links a relation into its shapes: `to` depends on `from`; `from` enables or blocks `to`. */
function connect(kind: PlanRelation['kind'], from: ShapeNode, to: ShapeNode): void {
	if (kind === 'depends-on') to.out = link(to.out, from)
	else if (kind === 'enables') {
		to.enablers = link(to.enablers, from)
		from.out = link(from.out, to)
	} else {
		from.out = link(from.out, to)
		to.blockedBy = link(to.blockedBy, from)
	}
}

function label(node: ShapeNode): string {
	return node.type === 'frame' ? 'stage' : `${node.type} shape`
}
