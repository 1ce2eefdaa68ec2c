import type { Editor } from 'tldraw'
import { exportPlan, planFileName, type ExportFormat } from '../../shared/export/exportPlan'
import type { CsvPreset } from '../../shared/export/toCsv'
import { localToday } from '../../shared/schema/dateString'
import { currentPlan } from '../plan/useLivePlan'
import { currentMapName } from '../room/currentMapName'

/** One of the milestone-list exports offered by the menu. */
export interface PlanChoice {
	format: ExportFormat
	preset?: CsvPreset
}

export interface PlanDownload {
	text: string
	mimeType: string
	fileName: string
}

/**
 * The base of every exported file's name: the map's name when it has one (cleaned as the relay's
 * is, so the same map gives the same file name from either).
 */
export function mapBaseName(editor: Editor): string {
	return currentMapName(editor) || 'delivery-map'
}

/**
 * A file name for the map in another format (`png`, `svg`, `tldr`), cleaned the way
 * `planFileName` cleans the plan's exports (it is asked for a `.json` name, then re-suffixed).
 */
export function mapFileName(editor: Editor, extension: string): string {
	return `${planFileName(mapBaseName(editor), { format: 'json' }).slice(0, -'.json'.length)}.${extension}`
}

/**
 * The milestone list of the map in the editor, now, as `shared/`'s exporters write it, titled
 * with the map's name. The iCalendar stamp is today's local date, the same day the plan's checks
 * measure against.
 */
export function planDownload(editor: Editor, choice: PlanChoice): PlanDownload {
	const today = localToday()
	const result = exportPlan(currentPlan(editor), {
		format: choice.format,
		...(choice.preset === undefined ? {} : { preset: choice.preset }),
		...(choice.format === 'ics' ? { today } : {}),
		mapName: currentMapName(editor),
	})
	return {
		text: result.text,
		mimeType: result.mimeType,
		fileName: planFileName(mapBaseName(editor), choice),
	}
}
