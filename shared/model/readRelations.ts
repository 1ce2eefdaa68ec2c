import type { Diagnostic } from '../schema/diagnosticSchema'
import type { PlanRelation } from '../schema/planSchema'
import { BLOCKER, ENABLER, FRAME, MILESTONE, type ShapeIndex } from './indexShapes'
import { BLOCKS, DEPENDS_ON, ENABLES, Links } from './Links'
import type { BindingRecord, ShapeRecord } from './records'
import { makeDiagnostic } from './makeDiagnostic'
import { MAX_TEXT_LENGTH } from './maxTextLength'
import { richTextToPlain } from './richTextToPlain'
import { shortTitle } from './shortTitle'

/**
 * The relations drawn as arrows (SPEC A1-A4): an arrow bound at both ends between typed shapes.
 * milestone A -> milestone B: B depends on A. enabler, blocker: either direction. The relations
 * come back in arrow order, and as `Links` between the nodes of their shapes.
 */
export function readRelations(
	index: ShapeIndex,
	diagnostics: Diagnostic[]
): { relations: PlanRelation[]; links: Links } {
	const { records, positions, bindings } = index
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
	// Read through `index` after nodeAt, which may grow the index's arrays.
	const { arrows } = index
	const linkFrom = new Int32Array(arrows.length)
	const linkTo = new Int32Array(arrows.length)
	const linkKind = new Uint8Array(arrows.length)
	for (let a = 0; a < arrows.length; a++) {
		const at = arrows[a]!
		const from = startTo[at] ? index.nodeAt(startTo[at]! - 1) : -1
		const to = endTo[at] ? index.nodeAt(endTo[at]! - 1) : -1
		const arrow = records[at] as ShapeRecord
		const id = arrow.id
		if (from < 0 || to < 0) {
			let bound = 0
			// Each end's shape was found with its binding: an end bound to no shape is dangling.
			for (let e = 0; e < 2; e++) {
				const end = e === 0 ? startOf[at]! : endOf[at]!
				if (!end) continue
				if ((e === 0 ? from : to) >= 0) bound++
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
			// Name the shape at the end that is connected: a reader of the list finds the arrow by it.
			const end =
				from >= 0
					? `from ${describeNode(index, from)} `
					: to >= 0
						? `to ${describeNode(index, to)} `
						: ''
			diagnostics.push(
				makeDiagnostic(
					'arrow-unbound',
					id,
					`An arrow ${end}is connected at ${bound === 0 ? 'neither end' : 'only one end'}; it is not part of the plan until both ends touch a shape.`
				)
			)
			continue
		}
		const fromKind = index.kind[from]!
		const toKind = index.kind[to]!
		const kind = from === to ? -1 : kindOf(fromKind, toKind)
		if (kind < 0) {
			diagnostics.push(
				makeDiagnostic(
					'arrow-ignored',
					id,
					from === to
						? `An arrow starts and ends on the same shape; it was ignored.`
						: `An arrow from a ${label(index, from)} to a ${label(index, to)} has no meaning in the plan; it was ignored.`
				)
			)
			continue
		}
		// The relation runs from the milestone depended on, the enabler, or the blocker.
		const forward = kind === DEPENDS_ON || fromKind === kindSource[kind]
		const source = forward ? from : to
		const target = forward ? to : from
		const props = arrow.props
		let note = richTextToPlain(props.richText ?? props.text)
		if (note.length > MAX_TEXT_LENGTH) note = note.slice(0, MAX_TEXT_LENGTH)
		relations.push({
			id,
			kind: kindNames[kind]!,
			from: index.ids[source]!,
			to: index.ids[target]!,
			note,
		})
		linkFrom[relations.length - 1] = source
		linkTo[relations.length - 1] = target
		linkKind[relations.length - 1] = kind
	}
	return {
		relations,
		links: new Links(index.count, linkFrom, linkTo, linkKind, relations.length),
	}
}

const kindNames: PlanRelation['kind'][] = ['depends-on', 'enables', 'blocks']
/** The node kind each relation runs from (by DEPENDS_ON, ENABLES, BLOCKS). */
const kindSource = [MILESTONE, ENABLER, BLOCKER]

/** The relation an arrow between nodes of these kinds draws, in either direction, or -1. */
function kindOf(a: number, b: number): number {
	if (a === MILESTONE) {
		if (b === MILESTONE) return DEPENDS_ON
		if (b === ENABLER) return ENABLES
		if (b === BLOCKER) return BLOCKS
	} else if (a === ENABLER) {
		if (b === MILESTONE) return ENABLES
		if (b === BLOCKER) return BLOCKS
	} else if (a === BLOCKER) {
		if (b === MILESTONE || b === ENABLER) return BLOCKS
	}
	return -1
}

/** A node as a message names it: its kind and title ("milestone "Residents apply""). */
function describeNode(index: ShapeIndex, node: number): string {
	const props = index.shape(node).props as Record<string, unknown>
	const text = (key: string) =>
		shortTitle(typeof props[key] === 'string' ? (props[key] as string).trim() : '')
	const kind = index.kind[node]
	const [noun, title] =
		kind === MILESTONE
			? ['milestone', text('title')]
			: kind === ENABLER
				? ['enabler', text('contribution')]
				: kind === BLOCKER
					? ['blocker', text('title')]
					: kind === FRAME
						? ['stage', text('name')]
						: [`${index.typeOf(node)} shape`, '']
	return title === '' ? `an untitled ${noun}` : `${noun} "${title}"`
}

function label(index: ShapeIndex, node: number): string {
	return index.kind[node] === FRAME ? 'stage' : `${index.typeOf(node)} shape`
}
