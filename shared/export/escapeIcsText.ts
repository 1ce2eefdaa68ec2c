/**
 * RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon and comma are backslash-escaped and every
 * line break becomes `\n`. Control characters other than tab, which TEXT may not contain, are dropped.
 */
export function escapeIcsText(text: string): string {
	return text
		.replace(/[\\;,]/g, '\\$&')
		.replace(/\r\n|[\r\n]/g, '\\n')
		.replace(CONTROL_RE, '')
}

// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f]/g
