import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { aliceInANewMap, artifactsDir, type TrackedPage } from './browserHelpers'
import { setColorScheme } from './colourChecks'
import { downloadFrom, drawSampleMap, openExportMenu } from './exportMenuHelpers'

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

describe('the map as a picture', () => {
	let alice: TrackedPage
	let origin: string

	beforeAll(async () => {
		const room = await aliceInANewMap()
		origin = room.relay.url
		alice = room.alice
	})

	it('says there is nothing to draw while the map is empty', async () => {
		let downloads = 0
		const count = () => downloads++
		alice.page.on('download', count)
		await openExportMenu(alice.page)
		await alice.page.getByRole('menuitem', { name: 'PNG image' }).click()
		await alice.page
			.getByRole('status')
			.filter({ hasText: 'The map is empty' })
			.waitFor({ timeout: 10_000 })
		alice.page.off('download', count)
		expect(downloads).toBe(0)
	})

	it('downloads a PNG that is a real image of the map', async () => {
		await drawSampleMap(alice.page)
		const file = await downloadFrom(alice.page, 'PNG image')
		expect(file.fileName).toBe('delivery-map.png')
		expect([...file.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
		writeFileSync(join(artifactsDir, 'export-map.png'), file.bytes)
		const image = await alice.page.evaluate(async (base64) => {
			const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
			const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }))
			const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
			const context = canvas.getContext('2d')!
			context.drawImage(bitmap, 0, 0)
			const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data
			const colours = new Set<number>()
			for (let i = 0; i < pixels.length; i += 4 * 97) {
				colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!)
			}
			return { width: bitmap.width, height: bitmap.height, colours: colours.size }
		}, file.bytes.toString('base64'))
		// Four stages side by side: wider than tall, and drawn (not one flat colour).
		expect(image.width).toBeGreaterThan(image.height)
		expect(image.height).toBeGreaterThan(200)
		expect(image.colours).toBeGreaterThan(10)
	})

	it('downloads an SVG with the shapes and their titles, fonts embedded from the app', async () => {
		const requestsBefore = alice.requests.length
		const file = await downloadFrom(alice.page, 'SVG image')
		expect(file.fileName).toBe('delivery-map.svg')
		const svg = file.bytes.toString('utf8')
		writeFileSync(join(artifactsDir, 'export-map.svg'), svg)
		const parsed = await alice.page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
			return {
				root: doc.documentElement.nodeName,
				errors: doc.getElementsByTagName('parsererror').length,
				text: doc.documentElement.textContent ?? '',
			}
		}, svg)
		expect(parsed).toMatchObject({ root: 'svg', errors: 0 })
		for (const title of [
			"Residents' energy needs mapped",
			'First 100 homes retrofitted',
			'Local installers trained',
			'Discover',
			'Embed',
		]) {
			expect(parsed.text).toContain(title)
		}
		// Milestones, enablers and blockers are drawn as SVG (their toSvg), not copied as HTML
		// into a <foreignObject> with every computed style, which took tldraw about 20 ms a shape.
		expect(svg).not.toContain('dm-shape')
		for (const label of ['MILESTONE', 'Legal', 'HIGH · CONTRACT', 'Due 31 Mar 2028']) {
			expect(parsed.text).toContain(label)
		}
		// An enabler's service is whole beside its status ("PROCURE…" was cut in capitals).
		expect(parsed.text).toContain('ProcurementRequested')
		// Dates are never cut, even beside a long owner ("Priya (Community team)"): the owner
		// gives way ("Due 31 J…" said nothing).
		for (const date of ['Due 31 Jan 2027', 'Due 30 Sep 2027', 'By 15 Feb 2027']) {
			expect(parsed.text).toContain(date)
		}
		// Long titles are written smaller to fit their cards whole, as on the canvas (the sample
		// map's 220-wide blockers cut these after two lines).
		const squash = (text: string) => text.replace(/\s+/g, '')
		for (const title of [
			'Listed-building consent for conservation-area homes',
			'Current installer framework expires in March 2027',
			'Housing system cannot flag retrofitted homes',
		]) {
			expect(squash(parsed.text)).toContain(squash(title))
		}
		// The cards' font (tldraw's sans, IBM Plex Sans) goes with the picture: a viewer without
		// it installed drew the cards in its own font, which no longer fitted the cards' lines.
		expect(svg).toMatch(/@font-face\s*{\s*font-family: "tldraw_sans";[^}]*font-weight: bold;/)
		expect(svg).toContain(`font-family="'tldraw_sans'`)
		expect(svg).not.toMatch(/url\(["']?https?:/)
		// Nothing is HTML in a <foreignObject> (which slide decks and Inkscape do not show): the
		// sample map's arrow label is SVG text too, in the label's own font.
		expect(svg).not.toContain('<foreignObject')
		expect(squash(parsed.text)).toContain(squash('before the survey data is shared'))
		expect(svg).toContain(`font-family="'tldraw_draw'`)
		const offOrigin = alice.requests
			.slice(requestsBefore)
			.filter((url) => !url.startsWith(origin) && !url.startsWith(origin.replace('http', 'ws')))
			.filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'))
		expect(offOrigin).toEqual([])
		expect(alice.errors).toEqual([])
	})

	it("writes an arrow's label as SVG text: each paragraph on lines of its own, a blank one too", async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			const arrow = editor
				.getCurrentPageShapes()
				.find((s) => s.type === 'arrow' && JSON.stringify(s.props).indexOf('"text"') < 0)!
			const paragraph = (text: string) =>
				text === ''
					? { type: 'paragraph' }
					: { type: 'paragraph', content: [{ type: 'text', text }] }
			editor.updateShape({
				id: arrow.id,
				type: 'arrow',
				props: {
					richText: {
						type: 'doc',
						content: [
							paragraph('needs the budget line signed off by finance before procurement'),
							paragraph(''),
							paragraph('Q3'),
						],
					},
				},
			})
		})
		const file = await downloadFrom(alice.page, 'SVG image')
		const svg = file.bytes.toString('utf8')
		const label = await alice.page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
			// The label's lines, as drawn (not the outline under them), with where they sit.
			const lines = [...doc.querySelectorAll('tspan')]
				.filter((t) => !t.closest('[aria-hidden="true"]'))
				.map((t) => ({ text: t.textContent ?? '', y: Number(t.getAttribute('y')) }))
			const start = lines.findIndex((l) => l.text.startsWith('needs the'))
			return lines.slice(start, start + 4)
		}, svg)
		expect(svg).not.toContain('<foreignObject')
		// The long paragraph wraps within the label, and "Q3" has a line of its own under it.
		const words = label.map((l) => l.text.trim())
		const q3 = words.indexOf('Q3')
		expect(q3).toBeGreaterThanOrEqual(2)
		expect(words.slice(0, q3).join(' ')).toBe(
			'needs the budget line signed off by finance before procurement'
		)
		// The long paragraph's lines a line's height apart, then the blank line, then "Q3": as the
		// canvas lays them out, in the box tldraw made for all three.
		const ys = label.slice(0, q3 + 1).map((l) => l.y)
		const step = ys[1]! - ys[0]!
		expect(step).toBeGreaterThan(10)
		for (let i = 1; i < q3; i++) expect(ys[i]! - ys[i - 1]!).toBeCloseTo(step, 0)
		expect(ys[q3]! - ys[q3 - 1]!).toBeCloseTo(2 * step, 0)
		expect(alice.errors).toEqual([])
	})

	it("writes the words of tldraw's text, note and geo shapes as SVG text too", async () => {
		await alice.page.evaluate(() => {
			const editor = window.editor!
			const doc = (text: string) => ({
				type: 'doc',
				content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
			})
			editor.createShapes([
				{ type: 'text', x: 0, y: -600, props: { richText: doc('Agree owners before lunch') } },
				{ type: 'note', x: 400, y: -600, props: { richText: doc('Ask legal early') } },
				{
					type: 'geo',
					x: 800,
					y: -600,
					props: { w: 300, h: 160, richText: doc('Outcome: warmer homes') },
				},
			] as never)
		})
		const file = await downloadFrom(alice.page, 'SVG image')
		const svg = file.bytes.toString('utf8')
		const text = await alice.page.evaluate(
			(source) =>
				new DOMParser().parseFromString(source, 'image/svg+xml').documentElement.textContent ?? '',
			svg
		)
		expect(svg).not.toContain('<foreignObject')
		const squash = (words: string) => words.replace(/\s+/g, '')
		for (const words of ['Agree owners before lunch', 'Ask legal early', 'Outcome: warmer homes']) {
			expect(squash(text)).toContain(squash(words))
		}
		expect(alice.errors).toEqual([])
	})

	it("starts a card's right-to-left title lines where the canvas does", async () => {
		// Each line was drawn from its first word, which in Arabic is the rightmost: the title ran
		// out of the card's right side.
		await alice.page.evaluate(() => {
			window.editor!.createShape({
				type: 'milestone',
				x: 0,
				y: -1600,
				props: { title: 'مرحبا بالعالم هذا نص عربي طويل', owner: 'Rana', due: '2031-05-01' },
			} as never)
		})
		const file = await downloadFrom(alice.page, 'SVG image')
		const lines = await alice.page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
			const due = [...doc.querySelectorAll('tspan')].find(
				(t) => t.textContent === 'Due 1 May 2031'
			)!
			const card = due.closest('g[transform]')!
			return [...card.querySelectorAll('tspan')].map((t) => ({
				text: t.textContent ?? '',
				x: Number(t.getAttribute('x')),
			}))
		}, file.bytes.toString('utf8'))
		const due = lines.find((l) => l.text === 'Due 1 May 2031')!
		const title = lines.filter((l) => /[\u0600-\u06ff]/.test(l.text))
		expect(title.length).toBe(2)
		for (const line of title) expect(line.x, line.text).toBeCloseTo(due.x, 0)
		expect(alice.errors).toEqual([])
	})

	it('keeps bullets, numbers, bold, italic, code and links in exported labels', async () => {
		// A sticky note's list was exported as bare lines, and bold or italic words as plain ones.
		await alice.page.evaluate(() => {
			const editor = window.editor!
			const text = (value: string, ...marks: string[]) => ({
				type: 'text',
				text: value,
				...(marks.length > 0 ? { marks: marks.map((type) => ({ type })) } : {}),
			})
			const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content })
			const item = (...content: unknown[]) => ({
				type: 'listItem',
				content: [paragraph(...content)],
			})
			editor.createShapes([
				{
					type: 'note',
					x: 0,
					y: -1200,
					props: {
						richText: {
							type: 'doc',
							content: [
								paragraph(text('Before the '), text('workshop', 'bold')),
								{
									type: 'bulletList',
									content: [
										item(text('ask '), text('legal', 'italic'), text(' early')),
										item(text('book the room')),
									],
								},
								{
									type: 'orderedList',
									content: [item(text('stages')), item(text('owners', 'code'))],
								},
							],
						},
					},
				},
				{
					// Right-to-left words, centred: each line starts at its leftmost letter.
					type: 'geo',
					x: 400,
					y: -1200,
					props: {
						w: 260,
						h: 200,
						richText: {
							type: 'doc',
							content: [paragraph(text('مرحبا بالعالم هذا نص عربي طويل يلتف على عدة أسطر'))],
						},
					},
				},
			] as never)
		})
		const file = await downloadFrom(alice.page, 'SVG image')
		const svg = file.bytes.toString('utf8')
		expect(svg).not.toContain('<foreignObject')
		const runs = await alice.page.evaluate((source) => {
			const doc = new DOMParser().parseFromString(source, 'image/svg+xml')
			return [...doc.querySelectorAll('tspan')]
				.filter((t) => !t.closest('[aria-hidden="true"]'))
				.map((t) => ({
					text: (t.textContent ?? '').trim(),
					x: Number(t.getAttribute('x')),
					y: Number(t.getAttribute('y')),
					anchor: t.getAttribute('text-anchor'),
					weight: t.getAttribute('font-weight'),
					style: t.getAttribute('font-style'),
					family: t.getAttribute('font-family'),
				}))
		}, svg)
		const run = (text: string) => runs.find((r) => r.text === text)!
		expect(run('workshop').weight).toBe('700')
		expect(run('Before the').weight).toBeNull()
		expect(run('legal').style).toBe('italic')
		expect(run('owners').family).toMatch(/mono/i)
		// Each item has its marker on its first line, ending before the item's words.
		for (const [marker, words] of [
			['•', 'ask'],
			['•', 'book'],
			['1.', 'stages'],
			['2.', 'owners'],
		] as const) {
			const first = runs.find((r) => r.text === words || r.text.startsWith(`${words} `))
			expect(first, `the line starting "${words}"`).toBeDefined()
			const drawn = runs.find((r) => r.text === marker && Math.abs(r.y - first!.y) < 1)
			expect(drawn, `${marker} beside "${words}"`).toBeDefined()
			expect(drawn!.anchor).toBe('end')
			expect(drawn!.x).toBeLessThan(first!.x)
		}
		// The centred Arabic paragraph wraps; its shortest line starts furthest right, as a
		// centred line does (drawn from its first letter, the rightmost, it would start left of
		// the others).
		const arabic = runs.filter((r) => /[\u0600-\u06ff]/.test(r.text))
		expect(arabic.length).toBeGreaterThanOrEqual(2)
		const byLength = [...arabic].sort((a, b) => a.text.length - b.text.length)
		expect(byLength[0]!.x).toBeGreaterThan(byLength[byLength.length - 1]!.x + 20)
		expect(alice.errors).toEqual([])
	})

	it('draws a highlight in the colour of the export, whichever theme the canvas shows', async () => {
		// The label was laid out in the editor's container: a light export made in dark mode had
		// the dark theme's highlight.
		const page = alice.page
		const id = 'shape:highlighted-note'
		await page.evaluate((shapeId) => {
			window.editor!.createShape({
				id: shapeId,
				type: 'note',
				x: 800,
				y: -1200,
				props: {
					richText: {
						type: 'doc',
						content: [
							{
								type: 'paragraph',
								content: [
									{ type: 'text', text: 'ask ' },
									{ type: 'text', text: 'legal', marks: [{ type: 'highlight' }] },
								],
							},
						],
					},
				},
			} as never)
			// In view: tldraw leaves shapes out of sight undrawn.
			window.editor!.zoomToBounds(window.editor!.getShapePageBounds(shapeId as never)!, {
				animation: { duration: 0 },
			})
		}, id)
		/** The highlight's colour on the canvas now, and in exports made now in each mode. */
		const colours = () =>
			page.evaluate(async (shapeId) => {
				const editor = window.editor!
				const mark = document.querySelector(`.tl-shape[data-shape-id="${shapeId}"] mark`)!
				const exported = async (darkMode: boolean) => {
					const { svg } = (await editor.getSvgString([shapeId as never], { darkMode }))!
					const doc = new DOMParser().parseFromString(svg, 'image/svg+xml')
					return [...doc.querySelectorAll('rect')].map((r) => r.getAttribute('fill'))
				}
				return {
					canvas: getComputedStyle(mark).backgroundColor,
					light: await exported(false),
					dark: await exported(true),
				}
			}, id)
		await page.locator(`.tl-shape[data-shape-id="${id}"] mark`).waitFor()
		const inLight = await colours()
		await setColorScheme(page, 'dark', true)
		try {
			const inDark = await colours()
			expect(inDark.canvas).not.toBe(inLight.canvas)
			// Each export has the highlight its theme's canvas shows, from either theme.
			for (const shown of [inLight, inDark]) {
				expect(shown.light).toContain(inLight.canvas)
				expect(shown.light).not.toContain(inDark.canvas)
				expect(shown.dark).toContain(inDark.canvas)
				expect(shown.dark).not.toContain(inLight.canvas)
			}
		} finally {
			await setColorScheme(page, 'light', false)
		}
		expect(alice.errors).toEqual([])
	})
})
