import { backcastingMap } from './backcastingMap'
import { changeProcessJourney } from './changeProcessJourney'
import { emptyDeliveryMap } from './emptyDeliveryMap'
import type { MapTemplate } from './stageTemplate'

export type { MapTemplate, TemplateOptions } from './stageTemplate'
export type { TemplateShapeRecord } from './templateShapes'

/** The templates a new map can start from, in the order a menu shows them. */
export const templates: readonly MapTemplate[] = [
	emptyDeliveryMap,
	backcastingMap,
	changeProcessJourney,
]

/** The template with this id, or undefined. */
export function templateById(id: string): MapTemplate | undefined {
	return templates.find((t) => t.id === id)
}
