import { isPlainObject } from './records'

/** Longest map name kept: it is a title in a top bar, a list and a file name, not a sentence. */
export const MAX_MAP_NAME_LENGTH = 100

/**
 * A map's name as it is stored and shown: line breaks, tabs and other control characters become
 * spaces, runs of spaces one, no space at either end, at most `MAX_MAP_NAME_LENGTH` characters
 * (never cutting a character made of two code units in half). Empty means "Untitled map".
 */
export function cleanMapName(input: string): string {
	// eslint-disable-next-line no-control-regex
	const flat = input.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim()
	const characters = [...flat]
	if (characters.length <= MAX_MAP_NAME_LENGTH) return flat
	return characters.slice(0, MAX_MAP_NAME_LENGTH).join('').trimEnd()
}

/** The name to show for a map: its own, or what stands in for none. */
export function shownMapName(name: string): string {
	return cleanMapName(name) || 'Untitled map'
}

/**
 * The cleaned name of a map from its records (a store's or a file's): the `name` of the first
 * record that is an object with `typeName` `document` and a string `name` (tldraw's document
 * record, `document:document`). Empty when there is none. Never throws, whatever the records hold.
 */
export function mapNameOf(records: Iterable<unknown>): string {
	try {
		for (const record of records) {
			if (
				isPlainObject(record) &&
				record.typeName === 'document' &&
				typeof record.name === 'string'
			)
				return cleanMapName(record.name)
		}
	} catch {
		// Not iterable, or a record whose fields throw when read: no name to be had.
	}
	return ''
}
