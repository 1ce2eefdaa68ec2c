import { backcastingMap } from './backcastingMap'
import { changeProcessJourney } from './changeProcessJourney'
import { emptyDeliveryMap } from './emptyDeliveryMap'
import type { MapTemplate } from './stageTemplate'

export type { MapTemplate, TemplateOptions } from './stageTemplate'
export type { TemplateShapeRecord } from './templateShapes'

/**
 * The templates a new map can start from, in the order a menu shows them.
 *
 * In the client: `editor.createShapes(template.create(() => createShapeId(), { pageId }))` (the
 * records are complete, so `editor.store.put` takes them too). Their `index` keys restart at `a1`
 * on the page: into a page that already has shapes, drop `index` from the top-level records and let
 * tldraw place them above what is there. Hints (text and notes) carry `meta.deliveryMapHint`.
 */
export const templates: readonly MapTemplate[] = [
	emptyDeliveryMap,
	backcastingMap,
	changeProcessJourney,
]

/** The template with this id, or undefined. */
export function templateById(id: string): MapTemplate | undefined {
	return templates.find((t) => t.id === id)
}
