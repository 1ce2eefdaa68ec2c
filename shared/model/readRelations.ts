import type { Diagnostic } from '../schema/diagnosticSchema'
import type { PlanRelation } from '../schema/planSchema'
import { makeDiagnostic } from './makeDiagnostic'
import type { BindingRecord, ShapeRecord } from './records'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { richTextToPlain } from './richTextToPlain'

/**
 * The relations drawn as arrows (SPEC A1-A4): an arrow bound at both ends between typed shapes.
 * milestone A -> milestone B: B depends on A. enabler, blocker: either direction.
 */
export function readRelations(
	shapes: Map<string, ShapeRecord>,
	arrows: ShapeRecord[],
	bindings: BindingRecord[],
	diagnostics: Diagnostic[]
): PlanRelation[] {
	const starts = new Map<string, BindingRecord>()
	const ends = new Map<string, BindingRecord>()
	for (const b of bindings) {
		if (b.type !== 'arrow') continue
		const arrow = shapes.get(b.fromId)
		if (!arrow || arrow.type !== 'arrow') {
			diagnostics.push(
				makeDiagnostic(
					'arrow-dangling',
					b.id,
					`Arrow binding ${b.id} starts from ${b.fromId}, which is not an arrow on the map; it was ignored.`
				)
			)
			continue
		}
		const terminal = b.props.terminal
		const map = terminal === 'start' ? starts : terminal === 'end' ? ends : null
		if (!map) continue
		const held = map.get(arrow.id)
		// Two bindings on one end: keep the one with the smaller id, so the order of records does not matter.
		if (!held || b.id < held.id) map.set(arrow.id, b)
	}

	const relations: PlanRelation[] = []
	for (const arrow of arrows) {
		const startBinding = starts.get(arrow.id)
		const endBinding = ends.get(arrow.id)
		const from = startBinding && shapes.get(startBinding.toId)
		const to = endBinding && shapes.get(endBinding.toId)
		if (!from || !to) {
			let bound = 0
			for (const b of [startBinding, endBinding]) {
				if (!b) continue
				if (shapes.has(b.toId)) bound++
				else {
					diagnostics.push(
						makeDiagnostic(
							'arrow-dangling',
							arrow.id,
							`An arrow is bound to ${b.toId}, which does not exist; that end counts as unbound.`
						)
					)
				}
			}
			diagnostics.push(
				makeDiagnostic(
					'arrow-unbound',
					arrow.id,
					`An arrow is connected at ${bound === 0 ? 'neither end' : 'only one end'}; it is not part of the plan until both ends touch a shape.`
				)
			)
			continue
		}
		let note = richTextToPlain(arrow.props.richText ?? arrow.props.text)
		if (note.length > MAX_TEXT_LENGTH) note = note.slice(0, MAX_TEXT_LENGTH)
		const relation = classify(arrow.id, from, to, note)
		if (relation) {
			relations.push(relation)
		} else {
			diagnostics.push(
				makeDiagnostic(
					'arrow-ignored',
					arrow.id,
					from.id === to.id
						? `An arrow starts and ends on the same shape; it was ignored.`
						: `An arrow from a ${label(from)} to a ${label(to)} has no meaning in the plan; it was ignored.`
				)
			)
		}
	}
	return relations
}

function classify(id: string, a: ShapeRecord, b: ShapeRecord, note: string): PlanRelation | null {
	if (a === b) return null
	const from = a.type
	const to = b.type
	if (from === 'milestone') {
		if (to === 'milestone') return { id, kind: 'depends-on', from: a.id, to: b.id, note }
		if (to === 'enabler') return { id, kind: 'enables', from: b.id, to: a.id, note }
		if (to === 'blocker') return { id, kind: 'blocks', from: b.id, to: a.id, note }
	} else if (from === 'enabler') {
		if (to === 'milestone') return { id, kind: 'enables', from: a.id, to: b.id, note }
		if (to === 'blocker') return { id, kind: 'blocks', from: b.id, to: a.id, note }
	} else if (from === 'blocker') {
		if (to === 'milestone' || to === 'enabler')
			return { id, kind: 'blocks', from: a.id, to: b.id, note }
	}
	return null
}

function label(shape: ShapeRecord): string {
	return shape.type === 'frame' ? 'stage' : `${shape.type} shape`
}
