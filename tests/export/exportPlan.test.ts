import { describe, expect, it } from 'vitest'
import {
	exportPlan,
	ExportOptionsError,
	parseExportOptions,
	planFileName,
	type ExportOptions,
} from '../../shared/export/exportPlan'
import { toCsv } from '../../shared/export/toCsv'
import { toIcs } from '../../shared/export/toIcs'
import { toJson } from '../../shared/export/toJson'
import { toMarkdown } from '../../shared/export/toMarkdown'
import { handBuiltPlan } from './handBuiltPlan'

describe('exportPlan', () => {
	it.each([
		['md', 'text/markdown; charset=utf-8'],
		['csv', 'text/csv; charset=utf-8'],
		['json', 'application/json'],
		['ics', 'text/calendar; charset=utf-8'],
	] as const)('exports %s with its MIME type and extension', (format, mimeType) => {
		const result = exportPlan(handBuiltPlan(), { format })
		expect(result.mimeType).toBe(mimeType)
		expect(result.extension).toBe(format)
	})

	it('hands each format to its exporter, with the preset and today', () => {
		const plan = handBuiltPlan()
		expect(exportPlan(plan, { format: 'md' }).text).toBe(toMarkdown(plan))
		expect(exportPlan(plan, { format: 'csv' }).text).toBe(toCsv(plan))
		expect(exportPlan(plan, { format: 'csv', preset: 'jira' }).text).toBe(
			toCsv(plan, { preset: 'jira' })
		)
		expect(exportPlan(plan, { format: 'csv', preset: 'asana' }).text).toBe(
			toCsv(plan, { preset: 'asana' })
		)
		expect(exportPlan(plan, { format: 'json' }).text).toBe(toJson(plan))
		expect(exportPlan(plan, { format: 'ics', today: '2026-11-21' }).text).toBe(
			toIcs(plan, { today: '2026-11-21' })
		)
	})

	it('refuses bad options with a message a person can act on', () => {
		const plan = handBuiltPlan()
		const bad = (options: unknown) => () => exportPlan(plan, options as ExportOptions)
		expect(bad({ format: 'xml' })).toThrow(ExportOptionsError)
		expect(bad({ format: 'xml' })).toThrow('format must be one of md, csv, json, ics')
		expect(bad({ format: 'csv', preset: 'trello' })).toThrow('preset must be one of jira, asana')
		expect(bad({ format: 'md', preset: 'jira' })).toThrow(
			'a preset (jira or asana) only applies to the csv format'
		)
		expect(bad({ format: 'ics', today: '21/11/2026' })).toThrow(
			'today must be a date as YYYY-MM-DD'
		)
		expect(bad({ format: 'ics', today: '' })).toThrow('today must be a date as YYYY-MM-DD')
		expect(bad(null)).toThrow(ExportOptionsError)
	})

	it('checks query-string options without throwing', () => {
		expect(parseExportOptions({ format: 'csv', preset: 'jira' })).toEqual({
			ok: true,
			options: { format: 'csv', preset: 'jira' },
		})
		expect(parseExportOptions({})).toEqual({
			ok: false,
			message: 'format must be one of md, csv, json, ics',
		})
	})
})

describe('planFileName', () => {
	it.each([
		['sample-map.tldr', { format: 'md' }, 'sample-map.md'],
		['sample-map.tldr', { format: 'csv', preset: 'jira' }, 'sample-map-jira.csv'],
		['/home/me/maps/Warm Homes.tldr', { format: 'ics' }, 'Warm-Homes.ics'],
		['C:\\maps\\plan.json', { format: 'json' }, 'plan.json'],
		['a<b>:c"d|e?f*g', { format: 'csv', preset: 'asana' }, 'abcdefg-asana.csv'],
		['..', { format: 'md' }, 'delivery-plan.md'],
		['', { format: 'md' }, 'delivery-plan.md'],
		['Résumé 日本', { format: 'md' }, 'Résumé-日本.md'],
	] as const)('names %j as %j -> %s', (base, options, expected) => {
		expect(planFileName(base, options)).toBe(expected)
	})

	it('keeps long names to 100 characters without cutting an emoji in half', () => {
		const name = planFileName('🎉'.repeat(150), { format: 'md' })
		expect(Array.from(name.replace(/\.md$/, ''))).toHaveLength(100)
		expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
	})
})
