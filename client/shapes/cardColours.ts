/**
 * The colours of the milestone, enabler and blocker cards, in tldraw's light and dark themes.
 * The canvas reads them as CSS variables (`--dm-card-surface` for `surface`, and so on), set in
 * cardColours.css for each theme; the exported SVG takes them from here for the export's colour
 * mode (`cardColours[ctx.colorMode]`). A test keeps the two the same. What does not change with the theme (the RAG colours, the
 * services' bands, the blockers' borders and hazard stripes) is not here.
 */
export const cardColours = {
	light: {
		surface: '#ffffff',
		border: '#cbd5e1',
		shadow: 'rgba(15, 23, 42, 0.18)',
		text: '#111827',
		meta: '#374151',
		muted: '#4b5563',
		unset: '#6b7280',
		placeholder: '#9ca3af',
		danger: '#b91c1c',
		milestoneBorder: '#94a3b8',
		pillNeutralBg: '#e5e7eb',
		pillNeutralText: '#374151',
		pillActiveBg: '#dbeafe',
		pillActiveText: '#1e40af',
		pillDoneBg: '#dcfce7',
		pillDoneText: '#166534',
		bandPillBg: 'rgba(255, 255, 255, 0.9)',
		stripeA: '#e5e7eb',
		stripeB: '#f3f4f6',
		dotNone: '#e5e7eb',
		dotEdge: 'rgba(15, 23, 42, 0.35)',
		dotLatest: '#111827',
		blockerLowBg: '#fffbeb',
		blockerMediumBg: '#fff7ed',
		blockerHighBg: '#fef2f2',
		inputBg: '#eff6ff',
	},
	// On tldraw's dark canvas (#101011): raised a little above it, as its dark notes are, with
	// text as readable as the light card's (a test runs axe's contrast check on both).
	dark: {
		surface: '#1f1f25',
		border: '#4b4b56',
		shadow: 'rgba(0, 0, 0, 0.6)',
		text: '#f1f1f4',
		meta: '#d4d4da',
		muted: '#b0b0ba',
		unset: '#a0a0ab',
		placeholder: '#8a8a96',
		danger: '#fca5a5',
		milestoneBorder: '#70707d',
		pillNeutralBg: '#3a3a44',
		pillNeutralText: '#e4e4e7',
		pillActiveBg: '#1e3a8a',
		pillActiveText: '#dbeafe',
		pillDoneBg: '#14532d',
		pillDoneText: '#dcfce7',
		bandPillBg: 'rgba(0, 0, 0, 0.45)',
		stripeA: '#2e2e36',
		stripeB: '#3c3c46',
		dotNone: '#52525c',
		dotEdge: 'rgba(255, 255, 255, 0.4)',
		dotLatest: '#f1f1f4',
		blockerLowBg: '#2c2510',
		blockerMediumBg: '#2f1d0e',
		blockerHighBg: '#361417',
		inputBg: '#1c2b4f',
	},
} as const satisfies Record<'light' | 'dark', Record<string, string>>

export type CardColours = { readonly [K in keyof typeof cardColours.light]: string }

/** `pillActiveBg` → `--dm-card-pill-active-bg`: the CSS variable the canvas reads it from. */
export function cardColourVariable(name: keyof CardColours): string {
	return `--dm-card-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`
}
