/** RFC 5545 §3.1: content lines are folded so that no line is longer than 75 octets. */
export const ICS_LINE_OCTETS = 75

/**
 * Folds one content line into CRLF-joined lines of at most 75 UTF-8 octets each (a continuation
 * line starts with one space, which counts). Splits only between code points, so a multi-byte
 * character is never cut in two.
 */
export function foldIcsLine(line: string): string {
	const parts: string[] = []
	let current = ''
	let octets = 0
	for (const char of line) {
		const size = utf8Octets(char)
		if (octets + size > ICS_LINE_OCTETS) {
			parts.push(current)
			current = ' '
			octets = 1
		}
		current += char
		octets += size
	}
	parts.push(current)
	return parts.join('\r\n')
}

/** The UTF-8 length of one code point (a lone surrogate is encoded as U+FFFD: 3 octets). */
export function utf8Octets(char: string): number {
	const code = char.codePointAt(0) ?? 0
	if (code < 0x80) return 1
	if (code < 0x800) return 2
	if (code < 0x10000) return 3
	return 4
}
