import {
	frameShape,
	indexKey,
	noteShape,
	textShape,
	type TemplateShapeRecord,
} from './templateShapes'

/** Where to put a template's shapes. */
export interface TemplateOptions {
	/** The page the shapes go on. Default `page:page` (the page of a new tldraw document). */
	pageId?: string
	/** The top-left corner of the first stage on the page. Default (0, 0). */
	x?: number
	y?: number
}

/** A new map's starting shapes; `create` is pure and returns plain tldraw shape records. */
export interface MapTemplate {
	id: string
	name: string
	description: string
	/** The stage names the map gets, left to right (the plan's stage order). */
	stages: readonly string[]
	/**
	 * The records, with ids from `ids` (e.g. tldraw's `createShapeId`; a bare id is given the
	 * `shape:` prefix). Throws a RangeError when `ids` repeats an id.
	 */
	create(ids: () => string, options?: TemplateOptions): TemplateShapeRecord[]
}

export interface StageSpec {
	name: string
	/** What the group should put in this stage: a question, then what goes there. */
	hint: string
	/** A frame colour from tldraw's palette (shown when frame colours are on). */
	color?: string
}

export interface StageTemplateSpec {
	id: string
	name: string
	description: string
	/** Big title above the stages. */
	title: string
	/** One paragraph above the stages: how to use the map. */
	intro: string
	/** Left to right. */
	stages: StageSpec[]
	/** A sticky note in one stage: where to start. */
	startNote?: { stage: number; text: string }
}

export const STAGE_WIDTH = 720
export const STAGE_HEIGHT = 960
export const STAGE_GAP = 80
const PADDING = 24
/** Room for a hint of up to six lines at size m (24 px text). */
const HINT_HEIGHT = 210

/**
 * A template of stages side by side, left to right in the order given, each a frame with a hint
 * at its top; a title and an intro above them; optionally a "start here" note in one stage.
 */
export function stageTemplate(spec: StageTemplateSpec): MapTemplate {
	return {
		id: spec.id,
		name: spec.name,
		description: spec.description,
		stages: spec.stages.map((s) => s.name),
		create: (ids, options = {}) => layout(spec, ids, options),
	}
}

function layout(
	spec: StageTemplateSpec,
	ids: () => string,
	options: TemplateOptions
): TemplateShapeRecord[] {
	const pageId = options.pageId ?? 'page:page'
	const originX = finiteOr(options.x, 0)
	const originY = finiteOr(options.y, 0)
	const seen = new Set<string>()
	const nextId = () => {
		const raw = String(ids())
		const id = raw.startsWith('shape:') ? raw : `shape:${raw}`
		if (seen.has(id)) throw new RangeError(`The id generator gave ${id} twice.`)
		seen.add(id)
		return id
	}
	const width = spec.stages.length * STAGE_WIDTH + (spec.stages.length - 1) * STAGE_GAP
	let pageIndex = 0
	const onPage = (x: number, y: number) => ({
		id: nextId(),
		parentId: pageId,
		x: originX + x,
		y: originY + y,
		index: indexKey(pageIndex++),
	})

	const records: TemplateShapeRecord[] = [
		textShape(onPage(0, -300), {
			text: spec.title,
			w: width,
			size: 'xl',
			color: 'black',
			autoSize: true,
		}),
		textShape(onPage(0, -190), { text: spec.intro, w: Math.min(width, 1520), size: 'm' }),
	]
	spec.stages.forEach((stage, i) => {
		const frame = frameShape(onPage(i * (STAGE_WIDTH + STAGE_GAP), 0), {
			w: STAGE_WIDTH,
			h: STAGE_HEIGHT,
			name: stage.name,
			...(stage.color ? { color: stage.color } : {}),
		})
		records.push(frame)
		let childIndex = 0
		const inFrame = (x: number, y: number) => ({
			id: nextId(),
			parentId: frame.id,
			x,
			y,
			index: indexKey(childIndex++),
		})
		records.push(
			textShape(inFrame(PADDING, PADDING), {
				text: stage.hint,
				w: STAGE_WIDTH - 2 * PADDING,
				size: 'm',
			})
		)
		if (spec.startNote?.stage === i) {
			records.push(
				noteShape(inFrame(PADDING, PADDING + HINT_HEIGHT), { text: spec.startNote.text })
			)
		}
	})
	return records
}

function finiteOr(value: number | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}
