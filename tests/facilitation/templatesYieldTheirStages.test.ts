import { describe, expect, it } from 'vitest'
import { extractPlan } from '../../shared/model/extractPlan'
import { restoreRecords } from '../../shared/model/restoreRecords'
import { templates } from '../../shared/templates/templates'
import { shuffled } from '../helpers/mapBuilder'

const TODAY = '2026-11-27'

/** Ids like tldraw's createShapeId: `shape:` and a counter. */
function counterIds(prefix = 't') {
	let n = 0
	return () => `shape:${prefix}${++n}`
}

const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }
const documentRecord = {
	id: 'document:document',
	typeName: 'document',
	gridSize: 10,
	name: '',
	meta: {},
}

/** The stage names each template promises, written out here so the test does not trust the registry. */
const promised: Record<string, string[]> = {
	'delivery-map': ['Discover', 'Design', 'Deliver', 'Embed'],
	backcasting: ['First steps', 'Midway', 'Just before', 'Outcome'],
	'change-process-journey': [
		'Awareness-raising',
		'Horizon-scanning',
		'Storytelling',
		'Mission co-creation',
		'Assets and systems mapping',
		'Backcasting',
		'Enablers development',
		'Portfolio development',
		'Eliminating off-mission work',
		'Continuous collective learning',
	],
}

describe('map templates', () => {
	it('offers the three templates of issue 5, each with a name and a description', () => {
		expect(templates.map((t) => t.id)).toEqual(Object.keys(promised))
		for (const t of templates) {
			expect(t.name.trim()).not.toBe('')
			expect(t.description.trim()).not.toBe('')
			expect(t.stages).toEqual(promised[t.id])
		}
	})

	for (const template of templates) {
		describe(template.name, () => {
			it('yields exactly the stages it promises, left to right, with no map problems at all', () => {
				const records = template.create(counterIds())
				const restored = restoreRecords([documentRecord, page, ...records])
				expect(restored.diagnostics).toEqual([])
				const plan = extractPlan(restored, { today: TODAY })
				expect(plan.stages.map((s) => s.name)).toEqual(promised[template.id])
				expect(plan.diagnostics).toEqual([])
				expect(plan.milestones).toEqual([])
			})

			it('gives the same stages whatever order its records arrive in', () => {
				const records = [documentRecord, page, ...template.create(counterIds())]
				for (const seed of [1, 2, 3]) {
					const plan = extractPlan(shuffled(records, seed), { today: TODAY })
					expect(plan.stages.map((s) => s.name)).toEqual(promised[template.id])
				}
			})

			it('puts a hint with text at the top of every stage', () => {
				const records = template.create(counterIds())
				const frames = records.filter((r) => r.type === 'frame')
				expect(frames).toHaveLength(promised[template.id]!.length)
				for (const frame of frames) {
					const hints = records.filter((r) => r.parentId === frame.id && r.type === 'text')
					expect(hints, `no hint in ${String(frame.props.name)}`).toHaveLength(1)
					const text = JSON.stringify(hints[0]!.props.richText)
					expect(text.length).toBeGreaterThan(60)
					expect(hints[0]!.y).toBeLessThan(100)
					expect(hints[0]!.meta.deliveryMapHint).toBe(true)
				}
			})

			it('places stages left to right without overlapping', () => {
				const frames = template.create(counterIds()).filter((r) => r.type === 'frame')
				for (let i = 1; i < frames.length; i++) {
					const previous = frames[i - 1]!
					expect(frames[i]!.x).toBeGreaterThanOrEqual(previous.x + (previous.props.w as number))
					expect(frames[i]!.y).toBe(previous.y)
				}
			})

			it('takes every id from the generator it is given, adding the shape: prefix to bare ids', () => {
				let n = 0
				const records = template.create(() => `bare${++n}`)
				expect(records).toHaveLength(n)
				expect(records.map((r) => r.id)).toEqual(
					Array.from({ length: n }, (_, i) => `shape:bare${i + 1}`)
				)
			})

			it('refuses an id generator that repeats itself', () => {
				expect(() => template.create(() => 'shape:same')).toThrow(/gave shape:same twice/)
			})

			it('puts its shapes on the page and at the place asked for', () => {
				const records = template.create(counterIds(), { pageId: 'page:other', x: 5000, y: -200 })
				const topLevel = records.filter((r) => !records.some((p) => p.id === r.parentId))
				expect(new Set(topLevel.map((r) => r.parentId))).toEqual(new Set(['page:other']))
				const firstFrame = records.find((r) => r.type === 'frame')!
				expect([firstFrame.x, firstFrame.y]).toEqual([5000, -200])
			})

			it('is pure: the same ids give the same records', () => {
				expect(template.create(counterIds())).toEqual(template.create(counterIds()))
			})
		})
	}

	it('puts the backcasting outcome on the right, with a "start here" note in it', () => {
		const records = templates.find((t) => t.id === 'backcasting')!.create(counterIds())
		const frames = records.filter((r) => r.type === 'frame')
		const outcome = frames.find((f) => f.props.name === 'Outcome')!
		expect(Math.max(...frames.map((f) => f.x))).toBe(outcome.x)
		const notes = records.filter((r) => r.type === 'note')
		expect(notes).toHaveLength(1)
		expect(notes[0]!.parentId).toBe(outcome.id)
		expect(JSON.stringify(notes[0]!.props.richText)).toContain('Start here')
	})
})
