import type { Diagnostic } from '../schema/diagnosticSchema'
import type { PlanRelation } from '../schema/planSchema'
import { link, type ShapeIndex, type ShapeNode } from './indexShapes'
import { makeDiagnostic } from './makeDiagnostic'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { richTextToPlain } from './richTextToPlain'

/**
 * The relations drawn as arrows (SPEC A1-A4): an arrow bound at both ends between typed shapes.
 * milestone A -> milestone B: B depends on A. enabler, blocker: either direction. Each relation
 * is also linked into the nodes of its two shapes (`out`, `enablers`, `blockedBy`).
 */
export function readRelations(index: ShapeIndex, diagnostics: Diagnostic[]): PlanRelation[] {
	const { nodeOf, bindings } = index
	for (let i = 0; i < bindings.length; i++) {
		const b = bindings[i]!
		if (b.type !== 'arrow') continue
		const arrow = nodeOf(b.fromId)
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
		// Two bindings on one end: keep the one with the smaller id, so the order of records does not matter.
		const terminal = b.props.terminal
		if (terminal === 'start') {
			if (!arrow.start || b.id < arrow.start.id) arrow.start = b
		} else if (terminal === 'end') {
			if (!arrow.end || b.id < arrow.end.id) arrow.end = b
		}
	}

	const relations: PlanRelation[] = []
	for (const arrow of index.arrows) {
		const id = arrow.id
		const from = arrow.start ? nodeOf(arrow.start.toId) : undefined
		const to = arrow.end ? nodeOf(arrow.end.toId) : undefined
		if (!from || !to) {
			let bound = 0
			for (const b of [arrow.start, arrow.end]) {
				if (!b) continue
				if (nodeOf(b.toId)) bound++
				else {
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
		const relation = classify(from, to)
		if (!relation) {
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
		const props = arrow.shape.props
		let note = richTextToPlain(props.richText ?? props.text)
		if (note.length > MAX_TEXT_LENGTH) note = note.slice(0, MAX_TEXT_LENGTH)
		relations.push({
			id,
			kind: relation.kind,
			from: relation.from.id,
			to: relation.to.id,
			note,
		})
		connect(relation.kind, relation.from, relation.to)
	}
	return relations
}

interface Classified {
	kind: PlanRelation['kind']
	from: ShapeNode
	to: ShapeNode
}

function classify(a: ShapeNode, b: ShapeNode): Classified | null {
	if (a === b) return null
	const from = a.type
	const to = b.type
	if (from === 'milestone') {
		if (to === 'milestone') return { kind: 'depends-on', from: a, to: b }
		if (to === 'enabler') return { kind: 'enables', from: b, to: a }
		if (to === 'blocker') return { kind: 'blocks', from: b, to: a }
	} else if (from === 'enabler') {
		if (to === 'milestone') return { kind: 'enables', from: a, to: b }
		if (to === 'blocker') return { kind: 'blocks', from: b, to: a }
	} else if (from === 'blocker') {
		if (to === 'milestone' || to === 'enabler') return { kind: 'blocks', from: a, to: b }
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
