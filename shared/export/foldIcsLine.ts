/** RFC 5545 §3.1: content lines are folded so that no line is longer than 75 octets. */
export const ICS_LINE_OCTETS = 75

/**
 * Folds one content line into CRLF-joined lines of at most 75 UTF-8 octets each (a continuation
 * line starts with one space, which counts). Splits only between code points, so a multi-byte
 * character is never cut in two.
 */
export function foldIcsLine(line: string): string {
	// Fast path: 25 UTF-16 units are at most 75 octets.
	if (line.length <= ICS_LINE_OCTETS / 3) return line
	const parts: string[] = []
	let start = 0
	let octets = 0
	let limit = ICS_LINE_OCTETS
	for (let i = 0; i < line.length;) {
		const code = line.codePointAt(i)!
		const units = code > 0xffff ? 2 : 1
		const size = utf8OctetsOf(code)
		if (octets + size > limit) {
			parts.push(line.slice(start, i))
			start = i
			octets = 0
			limit = ICS_LINE_OCTETS - 1 // the leading space of a continuation line
		}
		octets += size
		i += units
	}
	parts.push(line.slice(start))
	return parts.join('\r\n ')
}

/** The UTF-8 length of one code point (a lone surrogate is encoded as U+FFFD: 3 octets). */
export function utf8Octets(char: string): number {
	return utf8OctetsOf(char.codePointAt(0) ?? 0)
}

function utf8OctetsOf(code: number): number {
	if (code < 0x80) return 1
	if (code < 0x800) return 2
	if (code < 0x10000) return 3
	return 4
}
