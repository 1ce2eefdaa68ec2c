import { useSyncExternalStore } from 'react'
import { DefaultFontFaces, type Editor, type TLFontFace } from 'tldraw'

/**
 * The cards' font: tldraw's own sans, IBM Plex Sans, which the app serves from `@tldraw/assets`
 * (styles.css says the same for `.dm-shape`). Named 'IBM Plex Sans' alone, it was a font few
 * devices have: each drew the cards in its own system font, and an exported SVG named a font its
 * viewer did not have.
 */
export const CARD_FONT = "'tldraw_sans', 'IBM Plex Sans', system-ui, sans-serif"

const sans = DefaultFontFaces.tldraw_sans
/**
 * The faces the cards use: regular (tldraw's "normal" is Plex's medium), bold for titles, bands
 * and pills, italic for what is missing ("No owner"). Each card util gives these to tldraw
 * (`getFontFaces`), so tldraw loads them before it first draws a map that has cards, and embeds
 * them in SVG and PNG exports.
 */
export const CARD_FONT_FACES: TLFontFace[] = [
	sans.normal.normal,
	sans.normal.bold,
	sans.italic.normal,
]

let ready = false
let loading = false
const listeners = new Set<() => void>()
const forgetters: (() => void)[] = []

/**
 * `forget` runs once the cards' font has loaded: a cache of text measured before then holds the
 * widths of the fallback font (cards that arrive from the relay can be drawn before the font has
 * loaded).
 */
export function onCardFontLoaded(forget: () => void): void {
	forgetters.push(forget)
}

/** True once the cards' faces are in the document. Asks tldraw to load them the first time. */
function cardFontReady(editor: Editor): boolean {
	if (ready || loading) return ready
	loading = true
	void Promise.all(CARD_FONT_FACES.map((face) => editor.fonts.ensureFontIsLoaded(face)))
		.then(() => {
			// An editor disposed while it loaded leaves the face out of the document: ask again later.
			ready = hasLoadedBoldFace(editor.getContainer().ownerDocument)
			if (!ready) return
			for (const forget of forgetters) forget()
			for (const listener of listeners) listener()
		})
		.catch(() => {
			// Unreachable fonts leave the fallback font: cards stay readable, only less alike.
		})
		.finally(() => {
			loading = false
		})
	return false
}

/** Whether the document has tldraw's bold sans face, loaded (`fonts.check` answers true without it). */
function hasLoadedBoldFace(doc: Document): boolean {
	for (const face of doc.fonts) {
		if (face.status !== 'loaded' || face.style !== 'normal') continue
		if (face.family.replace(/["']/g, '') !== 'tldraw_sans') continue
		if (face.weight === 'bold' || face.weight === '700') return true
	}
	return false
}

const subscribe = (listener: () => void) => {
	listeners.add(listener)
	return () => listeners.delete(listener)
}

/**
 * Whether the cards' font has loaded; a component that measures text with it re-renders when it
 * does.
 */
export function useCardFontReady(editor: Editor): boolean {
	return useSyncExternalStore(subscribe, () => cardFontReady(editor))
}
