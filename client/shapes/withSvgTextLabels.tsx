import {
	Children,
	cloneElement,
	Fragment,
	isValidElement,
	type ReactElement,
	type ReactNode,
} from 'react'
import {
	RichTextSVG,
	type Editor,
	type RichTextSVGProps,
	type SvgExportContext,
	type TLRichText,
	type TLShape,
} from 'tldraw'
import { richTextToPlain } from '../../shared/model/richTextToPlain'
import { svgText } from './svgText'

type Drawn = ReactElement | null | Promise<ReactElement | null>

/** A tldraw shape util class: something with an editor and, maybe, a `toSvg`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ShapeUtilClass = abstract new (...args: any[]) => {
	editor: Editor
	toSvg?(shape: TLShape, ctx: SvgExportContext): Drawn
}

/**
 * One of tldraw's shape utils (arrow, text, note, geo), with the rich text of its exported
 * picture written as SVG text. tldraw writes it as HTML in a `<foreignObject>` (its `RichTextSVG`),
 * which PowerPoint, Keynote, Inkscape and most SVG readers other than browsers leave blank: an
 * arrow's words ("before the survey data is shared"), a note's or a text's were missing from the
 * map people pasted into their slides. The canvas is tldraw's own.
 */
export function withSvgTextLabels<T extends ShapeUtilClass>(Util: T) {
	abstract class WithSvgTextLabels extends Util {
		override toSvg(shape: TLShape, ctx: SvgExportContext): Drawn {
			const drawn = super.toSvg?.(shape, ctx) ?? null
			const background = this.editor.getCurrentTheme().colors[ctx.colorMode].background
			const swap = (element: ReactElement | null) =>
				element && (swapLabels(element, this.editor, background) as ReactElement)
			return drawn instanceof Promise ? drawn.then(swap) : swap(drawn)
		}
	}
	return WithSvgTextLabels
}

/**
 * `node` with each `RichTextSVG` in it (found through SVG elements and fragments, as tldraw
 * 5.4.2's utils draw them) swapped for SVG text made from the same box, font, alignment and
 * colour.
 */
function swapLabels(node: ReactNode, editor: Editor, background: string): ReactNode {
	if (!isValidElement(node)) return node
	if (node.type === RichTextSVG) {
		return labelSvg(editor, node.props as RichTextSVGProps, background)
	}
	if (typeof node.type !== 'string' && node.type !== Fragment) return node
	const { children } = node.props as { children?: ReactNode }
	if (children === undefined) return node
	return cloneElement(
		node,
		undefined,
		Children.map(children, (child) => swapLabels(child, editor, background))
	)
}

/**
 * A label's text as the canvas shows it: each paragraph wrapped in the label's box (less its
 * padding) and aligned as the label is (an empty paragraph is a blank line), the whole block
 * placed at the top, middle or bottom of the box. Written twice when the label has tldraw's text
 * outline: first as an outline in the page's colour (which keeps other lines from running through
 * the words), then the text itself.
 */
function labelSvg(editor: Editor, label: RichTextSVGProps, background: string): ReactElement {
	const { bounds, fontSize, fontFamily, lineHeight, labelColor, padding } = label
	const width = Math.max(1, bounds.w - 2 * padding)
	const align = label.textAlign.startsWith('start')
		? 'start'
		: label.textAlign.startsWith('end')
			? 'end'
			: 'middle'
	const left = bounds.minX + padding
	const x = align === 'start' ? left : align === 'end' ? left + width : left + width / 2
	const style = { fontSize, fontFamily, lineHeight, color: labelColor }
	let height = 0
	const blocks = paragraphsOf(label.richText).map((paragraph, i) => {
		// An empty paragraph is a blank line on the canvas, and tldraw's box has room for it.
		if (paragraph === '') {
			height += Math.round(fontSize * lineHeight)
			return null
		}
		const block = svgText(editor, paragraph, x, height, width, style, { maxLines: 1000, align })
		height += block.height
		return <Fragment key={i}>{block.element}</Fragment>
	})
	const room = bounds.h - 2 * padding
	const top =
		bounds.minY +
		padding +
		(label.verticalAlign === 'start'
			? 0
			: label.verticalAlign === 'end'
				? room - height
				: (room - height) / 2)
	return (
		<g transform={`translate(0, ${top})`}>
			{label.showTextOutline === false ? null : (
				<g
					stroke={background}
					strokeWidth={Math.max(2, fontSize / 8)}
					strokeLinejoin="round"
					aria-hidden="true"
				>
					{blocks}
				</g>
			)}
			<g>{blocks}</g>
		</g>
	)
}

/** A label's lines as the canvas breaks them: one or more for each block, `""` for an empty one. */
function paragraphsOf(richText: TLRichText): string[] {
	const blocks: unknown[] = Array.isArray(richText.content) ? richText.content : []
	return blocks.flatMap((block) => richTextToPlain({ type: 'doc', content: [block] }).split('\n'))
}
