const NAME_KEY = 'delivery-map:display-name'

/** The display name this device uses in maps, or null before the person picked one. */
export function savedDisplayName(): string | null {
	try {
		const name = localStorage.getItem(NAME_KEY)
		return name && name.trim() !== '' ? name : null
	} catch {
		return null
	}
}

export function saveDisplayName(name: string) {
	try {
		localStorage.setItem(NAME_KEY, name.trim())
	} catch {
		// Private mode without storage: the name lasts for this visit only.
	}
}
