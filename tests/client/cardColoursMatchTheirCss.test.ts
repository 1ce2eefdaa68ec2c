import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cardColours, cardColourVariable, type CardColours } from '../../client/shapes/cardColours'

// The canvas paints the cards from CSS variables, the export from cardColours.ts: a card exported
// in either colour mode looks as it does on the canvas only while the two say the same.

const root = join(import.meta.dirname, '../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const css = read('client/shapes/cardColours.css')

/** The variables declared in the block whose selector list includes `selector`. */
function declared(selector: string): Map<string, string> {
	const block = css.split('}').find((part) => part.split('{')[0]!.includes(selector))
	if (!block) throw new Error(`no block for ${selector}`)
	const found = new Map<string, string>()
	for (const match of block.split('{')[1]!.matchAll(/(--[\w-]+):\s*([^;]+);/g)) {
		found.set(match[1]!, match[2]!.trim())
	}
	return found
}

const names = Object.keys(cardColours.light) as (keyof CardColours)[]

describe('card colours', () => {
	for (const [mode, selector] of [
		['light', '.tl-container.tl-theme__light'],
		['dark', '.tl-container.tl-theme__dark'],
	] as const) {
		it(`declares every ${mode} colour for the canvas as the export draws it`, () => {
			const variables = declared(selector)
			const expected = new Map(
				names.map((name) => [cardColourVariable(name), cardColours[mode][name]])
			)
			expect(variables).toEqual(expected)
		})
	}

	it('gives the app page the light colours, and its dark theme the dark ones', () => {
		// The side panel shows a card's RAG trail outside tldraw's container.
		expect(declared(':root,')).toEqual(declared('.tl-container.tl-theme__light'))
		expect(declared(":root[data-theme='dark']")).toEqual(declared('.tl-container.tl-theme__dark'))
	})

	it('uses no card variable that is not declared', () => {
		const known = new Set(names.map(cardColourVariable))
		const used = ['client/styles.css', 'client/shapes/ragTrail.css'].flatMap((path) =>
			[...read(path).matchAll(/var\((--dm-card-[\w-]+)\)/g)].map((m) => m[1]!)
		)
		expect(used.length).toBeGreaterThan(20)
		expect(used.filter((name) => !known.has(name))).toEqual([])
	})

	it('has the same names in both themes', () => {
		expect(Object.keys(cardColours.dark)).toEqual(names)
	})
})
