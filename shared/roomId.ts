/**
 * Room ids: edit ids and view ids share one URL-safe form, 22 to 64 characters of base64url.
 * New ids carry 132 random bits (22 characters), so they cannot be guessed.
 */
export const ROOM_ID_RE = /^[A-Za-z0-9_-]{22,64}$/

export function isRoomId(value: unknown): value is string {
	return typeof value === 'string' && ROOM_ID_RE.test(value)
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A new random room id (132 bits from the platform's CSPRNG: `crypto.getRandomValues`). */
export function newRoomId(): string {
	const bytes = new Uint8Array(22)
	globalThis.crypto.getRandomValues(bytes)
	let id = ''
	for (const b of bytes) id += ALPHABET[b & 63]
	return id
}
