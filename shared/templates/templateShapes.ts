/**
 * Plain tldraw 5.4.2 shape records for the map templates: `frame` (a stage), `text` and `note`
 * (hints). Props are complete (tldraw's defaults, see @tldraw/tlschema's TLFrameShape, TLTextShape
 * and TLNoteShape), so the records pass tldraw's own validation as they are. No tldraw import:
 * shared/ stays pure, and tests/facilitation checks the records against a real tldraw store.
 */

/** tldraw's rich text: TipTap JSON (`doc` of paragraphs). */
export interface RichText {
	type: 'doc'
	content: (
		{ type: 'paragraph' } | { type: 'paragraph'; content: [{ type: 'text'; text: string }] }
	)[]
}

export interface TemplateShapeRecord {
	id: string
	typeName: 'shape'
	type: 'frame' | 'text' | 'note'
	x: number
	y: number
	rotation: number
	index: string
	parentId: string
	isLocked: boolean
	opacity: number
	meta: Record<string, string | boolean>
	props: Record<string, unknown>
}

/** Marks a hint (text or note) so the canvas can tell it from a group's own shapes. */
export const HINT_META_KEY = 'deliveryMapHint'

/** tldraw's `toRichText`: one paragraph per line, an empty line an empty paragraph. */
export function richText(text: string): RichText {
	return {
		type: 'doc',
		content: text
			.split('\n')
			.map((line) =>
				line === ''
					? { type: 'paragraph' as const }
					: { type: 'paragraph' as const, content: [{ type: 'text' as const, text: line }] }
			),
	}
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'

/**
 * The `n`th fractional index key among siblings, in order: `a1`, `a2` ... `az` (tldraw's keys
 * are base-62 with a length prefix; these are the plain integer keys tldraw itself hands out).
 */
export function indexKey(n: number): string {
	if (!Number.isInteger(n) || n < 0 || n > 60) throw new RangeError(`index ${n} out of range`)
	return `a${DIGITS[n + 1]}`
}

interface Base {
	id: string
	parentId: string
	x: number
	y: number
	index: string
}

function shape(
	type: TemplateShapeRecord['type'],
	base: Base,
	props: Record<string, unknown>,
	meta: TemplateShapeRecord['meta'] = {}
): TemplateShapeRecord {
	return {
		id: base.id,
		typeName: 'shape',
		type,
		x: base.x,
		y: base.y,
		rotation: 0,
		index: base.index,
		parentId: base.parentId,
		isLocked: false,
		opacity: 1,
		meta,
		props,
	}
}

/** A stage: a frame whose name is the stage's name. */
export function frameShape(
	base: Base,
	props: { w: number; h: number; name: string; color?: string }
): TemplateShapeRecord {
	return shape('frame', base, { color: 'black', ...props })
}

/** A hint as text: wraps at `w` (autoSize off); `size` one of s, m, l, xl. */
export function textShape(
	base: Base,
	props: { text: string; w: number; size?: string; color?: string; autoSize?: boolean }
): TemplateShapeRecord {
	return shape(
		'text',
		base,
		{
			color: props.color ?? 'grey',
			size: props.size ?? 's',
			font: 'sans',
			textAlign: 'start',
			w: props.w,
			richText: richText(props.text),
			scale: 1,
			autoSize: props.autoSize ?? false,
		},
		{ [HINT_META_KEY]: true }
	)
}

/** A hint as a sticky note (200 × 200, grows with its text). */
export function noteShape(
	base: Base,
	props: { text: string; color?: string }
): TemplateShapeRecord {
	return shape(
		'note',
		base,
		{
			color: props.color ?? 'yellow',
			labelColor: 'black',
			richText: richText(props.text),
			size: 'm',
			font: 'sans',
			align: 'start',
			verticalAlign: 'start',
			growY: 0,
			fontSizeAdjustment: 1,
			url: '',
			scale: 1,
			textLastEditedBy: null,
		},
		{ [HINT_META_KEY]: true }
	)
}
