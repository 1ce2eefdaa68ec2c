import { getIndices, type TLRecord } from 'tldraw'
import { clientMapRecords } from './clientMapRecords'

const STAGES = 10
const COLUMNS = 50
const COLUMNS_PER_STAGE = COLUMNS / STAGES
const CELL_W = 280
const CELL_H = 180
const STAGE_W = COLUMNS_PER_STAGE * CELL_W + 40

/**
 * The outline benchmark's map: `total` shapes as a workshop would draw them: ten stages (frames)
 * side by side, the typed shapes of bench/clientMapRecords.ts inside them (milestone, enabler and
 * blocker in turn), and arrows: each enabler to the milestone before it, every other blocker to
 * its milestone, bound at both ends.
 */
export function outlineMapRecords(total: number): TLRecord[] {
	// Per triple: 3 typed shapes and 1.5 arrows on average.
	const triples = Math.floor((total - STAGES) / 4.5)
	const typedCount = triples * 3
	const typed = clientMapRecords(typedCount)
	const rows = Math.ceil(typedCount / COLUMNS)
	const indices = getIndices(total + 1)
	let next = 0
	const records: TLRecord[] = []
	for (let s = 0; s < STAGES; s++) {
		records.push({
			id: `shape:stage${s}`,
			typeName: 'shape',
			type: 'frame',
			x: s * (STAGE_W + 80),
			y: 0,
			rotation: 0,
			index: indices[next++]!,
			parentId: 'page:page',
			isLocked: false,
			opacity: 1,
			meta: {},
			props: { w: STAGE_W, h: rows * CELL_H + 60, name: `Stage ${s + 1}`, color: 'black' },
		} as unknown as TLRecord)
	}
	typed.forEach((record, i) => {
		const col = i % COLUMNS
		const row = Math.floor(i / COLUMNS)
		records.push({
			...record,
			parentId: `shape:stage${Math.floor(col / COLUMNS_PER_STAGE)}`,
			x: (col % COLUMNS_PER_STAGE) * CELL_W + 20,
			y: row * CELL_H + 40,
			index: indices[next++]!,
		} as TLRecord)
	})
	const arrow = (from: number, to: number) => {
		const id = `shape:arrow${from}-${to}`
		records.push({
			id,
			typeName: 'shape',
			type: 'arrow',
			x: 0,
			y: 0,
			rotation: 0,
			index: indices[next++]!,
			parentId: 'page:page',
			isLocked: false,
			opacity: 1,
			meta: {},
			props: {
				kind: 'arc',
				elbowMidPoint: 0.5,
				dash: 'draw',
				size: 'm',
				fill: 'none',
				color: 'black',
				labelColor: 'black',
				bend: 0,
				start: { x: 0, y: 0 },
				end: { x: 100, y: 0 },
				arrowheadStart: 'none',
				arrowheadEnd: 'arrow',
				richText: { type: 'doc', content: [{ type: 'paragraph' }] },
				labelPosition: 0.5,
				font: 'draw',
				scale: 1,
			},
		} as unknown as TLRecord)
		for (const [terminal, target] of [
			['start', from],
			['end', to],
		] as const) {
			records.push({
				id: `binding:${id.slice(6)}-${terminal}`,
				typeName: 'binding',
				type: 'arrow',
				fromId: id,
				toId: `shape:bench${target}`,
				meta: {},
				props: {
					isPrecise: false,
					isExact: false,
					normalizedAnchor: { x: 0.5, y: 0.5 },
					snap: 'none',
					terminal,
				},
			} as unknown as TLRecord)
		}
	}
	for (let t = 0; t < triples && next < total; t++) {
		arrow(t * 3 + 1, t * 3)
		if (t % 2 === 0 && next < total) arrow(t * 3 + 2, t * 3)
	}
	// Make up the count with arrows from the remaining blockers.
	for (let t = 1; t < triples && next < total; t += 2) arrow(t * 3 + 2, t * 3)
	return records
}
