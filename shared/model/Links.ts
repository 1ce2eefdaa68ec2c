/** The kinds of relation, as `Links` stores them. */
export const DEPENDS_ON = 0
export const ENABLES = 1
export const BLOCKS = 2

/**
 * The relations between nodes (see ShapeIndex) in compressed rows, each row in the order the
 * relations were added; a pair drawn twice is in its rows twice.
 * - `out`: milestones: those it depends on; enablers: the milestones they enable; blockers:
 *   what they block.
 * - `into`: milestones: their enablers and blockers; enablers: their blockers.
 */
export class Links {
	readonly outStart: Int32Array
	readonly out: Int32Array
	readonly intoStart: Int32Array
	readonly into: Int32Array

	/** Relation r runs from `from[r]` (the milestone depended on, the enabler, the blocker) to `to[r]`. */
	constructor(nodes: number, from: Int32Array, to: Int32Array, kind: Uint8Array, count: number) {
		const outStart = new Int32Array(nodes + 1)
		const intoStart = new Int32Array(nodes + 1)
		let intoCount = 0
		for (let r = 0; r < count; r++) {
			if (kind[r] === DEPENDS_ON) outStart[to[r]! + 1]!++
			else {
				outStart[from[r]! + 1]!++
				intoStart[to[r]! + 1]!++
				intoCount++
			}
		}
		for (let n = 0; n < nodes; n++) {
			outStart[n + 1]! += outStart[n]!
			intoStart[n + 1]! += intoStart[n]!
		}
		const out = new Int32Array(count)
		const into = new Int32Array(intoCount)
		const outFill = outStart.slice(0, nodes)
		const intoFill = intoStart.slice(0, nodes)
		for (let r = 0; r < count; r++) {
			if (kind[r] === DEPENDS_ON) out[outFill[to[r]!]!++] = from[r]!
			else {
				out[outFill[from[r]!]!++] = to[r]!
				into[intoFill[to[r]!]!++] = from[r]!
			}
		}
		this.outStart = outStart
		this.out = out
		this.intoStart = intoStart
		this.into = into
	}
}
