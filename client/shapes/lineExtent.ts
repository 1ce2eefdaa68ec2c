/** A piece of a laid-out line: where it lies across, and whether it is only spaces. */
export interface LinePart {
	left: number
	right: number
	blank: boolean
}

/**
 * Where a line's words start and end, from its pieces in reading order. Right-to-left words run
 * leftwards, so a line starts at its leftmost piece, not its first. Spaces take no room where the
 * line breaks after them (at its right end, or at its left when it reads right to left), but
 * spaces a left-to-right line begins with do.
 */
export function lineExtent(parts: readonly LinePart[]): { left: number; right: number } {
	let left = Infinity
	let right = -Infinity
	for (const part of parts) {
		if (part.blank) continue
		left = Math.min(left, part.left)
		right = Math.max(right, part.right)
	}
	const first = parts[0]
	if (!first) return { left: 0, right: 0 }
	if (first.blank && first.left < left) left = first.left
	if (left === Infinity) left = first.left
	return { left, right: Math.max(left, right) }
}
