/**
 * Makes user text safe inside one line of Markdown (CommonMark and GitHub Flavored Markdown):
 * line breaks and other control characters become spaces, so a title cannot start a new list item
 * or heading, and every character that can open inline structure (emphasis, links, code, HTML,
 * entities, strikethrough, tables, a heading's closing hashes) is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
		.replace(CONTROL_RE, ' ')
		.replace(SPECIAL_RE, '\\$&')
}

// C0 controls except tab, DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g

// Backslash, code, emphasis, links and images, autolinks and HTML, entities, GFM strikethrough and
// tables, heading hashes. A leading `+`, `-`, `>` or `1.` cannot occur: user text never starts a line.
const SPECIAL_RE = /[\\`*_[\]<>&~|#]/g
