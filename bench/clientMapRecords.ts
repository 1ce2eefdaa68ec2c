import { getIndices, type TLRecord } from 'tldraw'
import { defaultPropsOf } from '../shared/schema/typedShapes'

const COLUMNS = 50
const KINDS = ['milestone', 'enabler', 'blocker'] as const

/**
 * The benchmark map: `count` typed shapes (milestones, enablers, blockers in turn) in a grid on
 * `page:page`, with realistic props. The same records for the bare tldraw page and for the app.
 */
export function clientMapRecords(count: number): TLRecord[] {
	const indices = getIndices(count)
	const records: TLRecord[] = []
	for (let i = 0; i < count; i++) {
		const type = KINDS[i % KINDS.length]!
		const props = {
			...defaultPropsOf(type),
			...(type === 'milestone'
				? {
						title: `Milestone ${i}: residents can do thing ${i}`,
						owner: `Owner ${i % 17}`,
						due: '2026-06-30',
						rag: (['green', 'amber', 'red', 'none'] as const)[i % 4],
					}
				: type === 'enabler'
					? {
							contribution: `Contribution ${i}`,
							how: 'Approval',
							neededBy: '2026-05-31',
							service: 'legal' as const,
						}
					: { title: `Blocker ${i}: something could slip`, severity: 'high' as const }),
		}
		records.push({
			id: `shape:bench${i}`,
			typeName: 'shape',
			type,
			x: (i % COLUMNS) * 280,
			y: Math.floor(i / COLUMNS) * 180,
			rotation: 0,
			index: indices[i]!,
			parentId: 'page:page',
			isLocked: false,
			opacity: 1,
			meta: {},
			props,
		} as unknown as TLRecord)
	}
	return records
}

/** The ids of the shapes a peer moves in the frame-time scenario: the first 50, all on screen. */
export function movedShapeIds(count = 50): string[] {
	const ids: string[] = []
	for (let row = 0; ids.length < count; row++) {
		for (let col = 0; col < 5 && ids.length < count; col++)
			ids.push(`shape:bench${row * COLUMNS + col}`)
	}
	return ids
}
