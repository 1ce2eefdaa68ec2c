import { normalizePersonName } from './ownership'

/**
 * Each person once, for name suggestions: blank names dropped, white space tidied, two spellings
 * that differ only in case counted as one person (the first spelling kept), as the ownership
 * view groups them; sorted alphabetically.
 */
export function distinctNames(names: Iterable<string>): string[] {
	const byKey = new Map<string, string>()
	for (const raw of names) {
		const name = normalizePersonName(raw)
		if (name === '') continue
		const key = name.toLowerCase()
		if (!byKey.has(key)) byKey.set(key, name)
	}
	return [...byKey.values()].sort((a, b) => a.localeCompare(b))
}
