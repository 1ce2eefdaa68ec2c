/**
 * A title as a message quotes it: kept short (80 characters at most, the last an ellipsis), as a
 * message is a pointer and the shape holds the text.
 */
export function shortTitle(text: string): string {
	return text.length > 80 ? `${text.slice(0, 79)}…` : text
}
