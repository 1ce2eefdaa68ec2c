import type { ReactElement } from 'react'
import { renderHtmlFromRichText, type Editor, type RichTextSVGProps } from 'tldraw'
import { lineExtent, type LinePart } from './lineExtent'

/** A piece of one line in one style, where the browser put it (relative to the label's text box). */
interface Run {
	text: string
	x: number
	/** The middle of the line box the run sits in. */
	y: number
	fontSize: number
	fontWeight: string
	fontStyle: string
	/** Set when the run's font is not the label's (code). */
	fontFamily?: string
	underline: boolean
	/** Set for a link: tldraw draws links in its primary colour. */
	color?: string
	/** A highlight's colour, with the run's width, for a box behind it. */
	highlight?: { color: string; width: number; height: number }
}

/** A list item's bullet or number, drawn where the browser draws it: just before the item. */
interface Marker {
	text: string
	/** The item's first run: the marker ends a space's width before it, on its line. */
	run: Run
}

/**
 * A tldraw label's rich text as SVG text, laid out by the browser exactly as the canvas lays it
 * out: the label's HTML (tldraw's own, from the rich text) goes into a hidden box of the label's
 * width, font and alignment, and each run of text is drawn where the browser put it, in its own
 * weight, style and font, so bold, italic, code, links and highlights keep their look. Lists keep
 * their bullets and numbers; paragraphs, blank lines and headings keep their places. The text is
 * placed at the top, middle or bottom of the label's box as tldraw places it. Drawn twice when the
 * label has tldraw's text outline: first as an outline in the page's colour (which keeps other
 * lines from running through the words), then the text itself. Links and highlights take the
 * colours of the export's `colorMode`, whichever theme the canvas shows.
 */
export function richTextSvg(
	editor: Editor,
	label: RichTextSVGProps,
	colorMode: 'light' | 'dark'
): ReactElement {
	const { bounds, fontSize, fontFamily, labelColor, padding } = label
	const width = Math.max(1, bounds.w - 2 * padding)
	const { runs, markers, height } = layOut(editor, label, width, colorMode)
	const room = bounds.h - 2 * padding
	const top =
		bounds.minY +
		padding +
		(label.verticalAlign === 'start'
			? 0
			: label.verticalAlign === 'end'
				? room - height
				: (room - height) / 2)
	// A highlight is drawn without the outline, as tldraw draws it (no text shadow on a mark).
	const words = (outline: boolean) => (
		<>
			{runs.map((run, i) =>
				outline && run.highlight ? null : (
					<tspan
						key={i}
						x={run.x}
						y={run.y}
						fontSize={run.fontSize === fontSize ? undefined : run.fontSize}
						fontWeight={run.fontWeight === '400' ? undefined : run.fontWeight}
						fontStyle={run.fontStyle === 'normal' ? undefined : run.fontStyle}
						fontFamily={run.fontFamily}
						fill={run.color}
						textDecoration={run.underline ? 'underline' : undefined}
					>
						{run.text}
					</tspan>
				)
			)}
			{markers.map((marker, i) => (
				<tspan key={`m${i}`} x={marker.run.x - 0.3 * fontSize} y={marker.run.y} textAnchor="end">
					{marker.text}
				</tspan>
			))}
		</>
	)
	const text = (outline: boolean) => (
		<text
			fontFamily={fontFamily}
			fontSize={fontSize}
			fill={labelColor}
			dominantBaseline="central"
			// The browser's spaces, kept: where a line breaks, and any it laid out in a row.
			xmlSpace="preserve"
			{...(outline
				? {
						stroke: editor.getCurrentTheme().colors[colorMode].background,
						strokeWidth: Math.max(2, fontSize / 8),
						strokeLinejoin: 'round' as const,
						'aria-hidden': true,
					}
				: {})}
		>
			{words(outline)}
		</text>
	)
	const left = bounds.minX + padding
	return (
		<g transform={`translate(${left}, ${top})`}>
			{runs.map((run, i) =>
				run.highlight ? (
					<rect
						key={i}
						x={run.x}
						y={run.y - run.highlight.height / 2}
						width={run.highlight.width}
						height={run.highlight.height}
						rx={2}
						fill={run.highlight.color}
					/>
				) : null
			)}
			{label.showTextOutline === false ? null : text(true)}
			{text(false)}
		</g>
	)
}

/**
 * Lays the label's HTML out in a hidden box and reads where it went. The box sits in a container of
 * its own in the export's theme, as tldraw's exporter renders shapes (in sRGB): inside the editor's
 * container, a light export made in dark mode took the dark theme's highlight colour.
 */
function layOut(
	editor: Editor,
	label: RichTextSVGProps,
	width: number,
	colorMode: 'light' | 'dark'
) {
	const doc = editor.getContainer().ownerDocument
	const container = doc.createElement('div')
	container.className = `tl-container tl-theme__force-sRGB tl-theme__${colorMode}`
	Object.assign(container.style, {
		position: 'fixed',
		left: '0',
		top: '0',
		width: '0',
		height: '0',
		overflow: 'hidden',
		visibility: 'hidden',
		pointerEvents: 'none',
	})
	const box = doc.createElement('div')
	box.className = 'tl-rich-text'
	box.setAttribute('aria-hidden', 'true')
	Object.assign(box.style, {
		position: 'absolute',
		left: '0',
		top: '0',
		width: `${width}px`,
		fontFamily: label.fontFamily,
		fontSize: `${label.fontSize}px`,
		lineHeight: `${Math.round(label.fontSize * label.lineHeight)}px`,
		textAlign: label.textAlign,
		overflowWrap: 'break-word',
		wordWrap: 'break-word',
		whiteSpace: 'pre-wrap',
		tabSize: 'var(--tl-tab-size, 2)',
	})
	box.style.setProperty('--tl-rich-text-heading-line-height', String(label.lineHeight))
	// tldraw's own HTML for the label, as its canvas and its <foreignObject> show it.
	box.innerHTML = renderHtmlFromRichText(editor, label.richText)
	container.appendChild(box)
	doc.body.appendChild(container)
	try {
		const origin = box.getBoundingClientRect()
		const boxFont = getComputedStyle(box).fontFamily
		return { ...readRuns(box, origin, boxFont), height: origin.height }
	} finally {
		container.remove()
	}
}

function readRuns(box: HTMLElement, origin: DOMRect, boxFont: string) {
	const runs: Run[] = []
	const markers: Marker[] = []
	const range = box.ownerDocument.createRange()
	const walker = box.ownerDocument.createTreeWalker(box, NodeFilter.SHOW_TEXT)
	const itemsMarked = new Set<Element>()
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const text = node.textContent ?? ''
		const parent = node.parentElement!
		const style = getComputedStyle(parent)
		const link = parent.closest('a')
		const mark = parent.closest('mark')
		let run: Run | null = null
		let parts: LinePart[] = []
		const close = () => {
			if (!run) return
			const { left, right } = lineExtent(parts)
			run.x = left
			if (run.highlight) run.highlight.width = right - left
			runs.push(run)
		}
		let offset = 0
		for (const char of text) {
			range.setStart(node, offset)
			range.setEnd(node, offset + char.length)
			offset += char.length
			const rects = range.getClientRects()
			const rect = rects[rects.length - 1]
			if (!rect) continue
			// A new line starts lower down; characters of one line share a top.
			const top = rect.top - origin.top
			if (!run || Math.abs(top + rect.height / 2 - run.y) > 0.5) {
				close()
				parts = []
				run = {
					text: '',
					x: 0,
					y: top + rect.height / 2,
					fontSize: parseFloat(style.fontSize),
					fontWeight: String(style.fontWeight),
					fontStyle: style.fontStyle,
					fontFamily: style.fontFamily === boxFont ? undefined : style.fontFamily,
					underline: style.textDecorationLine.includes('underline'),
					color: link ? style.color : undefined,
					highlight: mark
						? { color: getComputedStyle(mark).backgroundColor, width: 0, height: rect.height }
						: undefined,
				}
				const item = parent.closest('li')
				if (item && !itemsMarked.has(item)) {
					itemsMarked.add(item)
					markers.push({ text: markerOf(item), run })
				}
			}
			run.text += char
			parts.push({
				left: rect.left - origin.left,
				right: rect.right - origin.left,
				blank: char.trim() === '',
			})
		}
		close()
	}
	return { runs, markers }
}

/** `•` for an item of a bulleted list, its number and a full stop for a numbered one. */
function markerOf(item: Element): string {
	const list = item.parentElement
	if (list?.tagName !== 'OL') return '•'
	const start = Number(list.getAttribute('start') ?? 1)
	const index = [...list.children].filter((child) => child.tagName === 'LI').indexOf(item)
	return `${(Number.isFinite(start) ? start : 1) + index}.`
}
