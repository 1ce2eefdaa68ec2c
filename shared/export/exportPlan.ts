import { z } from 'zod'
import { cleanMapName } from '../model/mapName'
import { isCalendarDate } from '../schema/dateString'
import type { Plan } from '../schema/planSchema'
import { csvPresetSchema, toCsv } from './toCsv'
import { toIcs } from './toIcs'
import { toJson } from './toJson'
import { toMarkdown } from './toMarkdown'

export const exportFormatSchema = z.enum(['md', 'csv', 'json', 'ics'], {
	error: 'format must be one of md, csv, json, ics',
})
export type ExportFormat = z.infer<typeof exportFormatSchema>
export const exportFormats = exportFormatSchema.options

/**
 * What to export. `preset` applies to CSV only. `today` (YYYY-MM-DD) stamps the iCalendar
 * DTSTAMP; pass the same `today` given to `extractPlan` (without it a fixed stamp is used).
 * `mapName` (the map's name, cleaned with `cleanMapName`) titles the Markdown and names the
 * iCalendar; CSV and JSON leave it out. Each failure message is written for the person who chose
 * the option.
 */
export const exportOptionsSchema = z
	.object({
		format: exportFormatSchema,
		preset: z
			.enum(csvPresetSchema.options, { error: 'preset must be one of jira, asana' })
			.optional(),
		today: z
			.string({ error: 'today must be a date as YYYY-MM-DD' })
			.refine(isCalendarDate, 'today must be a date as YYYY-MM-DD')
			.optional(),
		mapName: z.string({ error: 'mapName must be text' }).optional(),
	})
	.refine((options) => options.preset === undefined || options.format === 'csv', {
		message: 'a preset (jira or asana) only applies to the csv format',
		path: ['preset'],
	})
export type ExportOptions = z.infer<typeof exportOptionsSchema>

export interface ExportResult {
	text: string
	mimeType: string
	extension: string
}

export const exportMimeTypes: Record<ExportFormat, string> = {
	md: 'text/markdown; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	json: 'application/json',
	ics: 'text/calendar; charset=utf-8',
}

/** Thrown when export options are invalid; the message is written for the person who set them. */
export class ExportOptionsError extends Error {
	override name = 'ExportOptionsError'
}

/** Checks export options (e.g. a relay's query string) without throwing. */
export function parseExportOptions(
	input: unknown
): { ok: true; options: ExportOptions } | { ok: false; message: string } {
	const result = exportOptionsSchema.safeParse(input)
	if (result.success) return { ok: true, options: result.data }
	const message = result.error.issues[0]?.message ?? 'invalid export options'
	return { ok: false, message }
}

/** The plan in one of the four export formats, with its MIME type and file extension. */
export function exportPlan(plan: Plan, options: ExportOptions): ExportResult {
	const parsed = parseExportOptions(options)
	if (!parsed.ok) throw new ExportOptionsError(parsed.message)
	const { format, preset, today } = parsed.options
	const mapName = cleanMapName(parsed.options.mapName ?? '')
	const text =
		format === 'md'
			? toMarkdown(plan, { mapName })
			: format === 'csv'
				? toCsv(plan, preset === undefined ? {} : { preset })
				: format === 'json'
					? toJson(plan)
					: toIcs(plan, today === undefined ? { mapName } : { today, mapName })
	return { text, mimeType: exportMimeTypes[format], extension: format }
}

/**
 * A safe file name for an export: `base` without a `.tldr`/`.json` extension, folders or
 * characters that file systems reject, then `-jira`/`-asana` for a preset, then the extension.
 * Falls back to `delivery-plan` when nothing usable is left.
 */
export function planFileName(
	base: string,
	options: Pick<ExportOptions, 'format' | 'preset'>
): string {
	const cleaned = (base.split(/[\\/]/).pop() ?? '')
		.replace(/\.(tldr|json)$/i, '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, '')
		.replace(/\s+/g, '-')
	const short = Array.from(cleaned).slice(0, 100).join('')
	const name = short.replace(/^[.-]+|[.-]+$/g, '') || 'delivery-plan'
	const suffix = options.preset === undefined ? '' : `-${options.preset}`
	return `${name}${suffix}.${options.format}`
}
