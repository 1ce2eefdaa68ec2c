import {
	Children,
	cloneElement,
	Fragment,
	isValidElement,
	type ReactElement,
	type ReactNode,
} from 'react'
import {
	ArrowShapeUtil,
	RichTextSVG,
	type Editor,
	type RichTextSVGProps,
	type SvgExportContext,
	type TLArrowShape,
	type TLRichText,
} from 'tldraw'
import { richTextToPlain } from '../../shared/model/richTextToPlain'
import { svgText } from './svgText'

/**
 * tldraw's arrow, with its label drawn as SVG text in exported pictures. tldraw draws the label as
 * HTML in a `<foreignObject>`, which slide decks, Inkscape and most other SVG readers do not show:
 * an arrow's words ("before the survey data is shared") were missing from the map people pasted
 * into their slides. The canvas is tldraw's own.
 */
export class MapArrowShapeUtil extends ArrowShapeUtil {
	override toSvg(shape: TLArrowShape, ctx: SvgExportContext) {
		const drawn = super.toSvg(shape, ctx)
		// tldraw 5.4.2 draws `<g>` with the arrow, then `<RichTextSVG>` for a label: that one is
		// swapped for SVG text made from the same box, font and colour.
		if (!isValidElement<{ children?: ReactNode }>(drawn)) return drawn
		const background = this.editor.getCurrentTheme().colors[ctx.colorMode].background
		const children = Children.map(drawn.props.children, (child) =>
			isValidElement<RichTextSVGProps>(child) && child.type === RichTextSVG
				? arrowLabelSvg(this.editor, child.props, background)
				: child
		)
		return cloneElement(drawn, undefined, children)
	}
}

/**
 * A label's text, each paragraph wrapped and centred in the label's box as the canvas shows it
 * (an empty one as a blank line), and the whole block centred in the box's height. Written twice:
 * first as an outline in the page's colour (as tldraw's text outline keeps other lines from
 * running through the words), then the text itself.
 */
function arrowLabelSvg(editor: Editor, label: RichTextSVGProps, background: string): ReactElement {
	const { bounds, fontSize, fontFamily, lineHeight, labelColor } = label
	const style = { fontSize, fontFamily, lineHeight, color: labelColor }
	let height = 0
	const blocks = paragraphsOf(label.richText).map((paragraph, i) => {
		// An empty paragraph is a blank line on the canvas, and tldraw's box has room for it.
		if (paragraph === '') {
			height += Math.round(fontSize * lineHeight)
			return null
		}
		const block = svgText(editor, paragraph, bounds.minX, height, bounds.w, style, {
			maxLines: 1000,
			align: 'middle',
		})
		height += block.height
		return <Fragment key={i}>{block.element}</Fragment>
	})
	const top = bounds.minY + (bounds.h - height) / 2
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
