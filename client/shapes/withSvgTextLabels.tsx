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
	type TLShape,
} from 'tldraw'
import { richTextSvg } from './richTextSvg'

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
			const swap = (element: ReactElement | null) =>
				element && (swapLabels(element, this.editor, ctx.colorMode) as ReactElement)
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
function swapLabels(node: ReactNode, editor: Editor, colorMode: 'light' | 'dark'): ReactNode {
	if (!isValidElement(node)) return node
	if (node.type === RichTextSVG) {
		return richTextSvg(editor, node.props as RichTextSVGProps, colorMode)
	}
	if (typeof node.type !== 'string' && node.type !== Fragment) return node
	const { children } = node.props as { children?: ReactNode }
	if (children === undefined) return node
	return cloneElement(
		node,
		undefined,
		Children.map(children, (child) => swapLabels(child, editor, colorMode))
	)
}
