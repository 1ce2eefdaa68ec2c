/**
 * A synthetic delivery map: `stages` frames side by side, `shapes` typed shapes spread over
 * them (60% milestones, 25% enablers, 15% blockers) and about one bound arrow per typed shape.
 * Deterministic for a given seed, so benchmark runs compare like with like. Records come stage by
 * stage and each arrow just before its bindings, unless `shuffled`: a .tldr file that tldraw
 * writes lists records in no such order (see ../shared/fixtures/sample-map.tldr).
 */
import { arrow, blocker, enabler, frame, milestone, page } from '../tests/helpers/mapBuilder'

export function generateMap(
	shapes: number,
	options: { stages?: number; seed?: number; shuffled?: boolean } = {}
) {
	const stageCount = options.stages ?? 10
	let seed = options.seed ?? 1
	const random = () => {
		seed = (seed * 1664525 + 1013904223) >>> 0
		return seed / 2 ** 32
	}
	const records: Record<string, unknown>[] = [
		{ id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
		page,
	]
	for (let s = 0; s < stageCount; s++) {
		const stage = frame(`shape:stage${s}`, `Stage ${s + 1}`, s * 4000)
		records.push({ ...stage, props: { ...stage.props, w: 3800, h: 100_000 } })
	}
	const milestones: string[] = []
	const enablers: string[] = []
	const typed: { id: string; type: string }[] = []
	for (let i = 0; i < shapes; i++) {
		const stage = Math.floor((i / shapes) * stageCount)
		const parentId = `shape:stage${stage}`
		const x = Math.floor(random() * 3500)
		const y = Math.floor((i / shapes) * stageCount * 10_000) % 100_000
		const roll = random()
		const due = `2027-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`
		if (roll < 0.6) {
			const id = `shape:m${i}`
			milestones.push(id)
			typed.push({ id, type: 'milestone' })
			records.push(
				milestone(id, parentId, x, y, {
					title: `Milestone ${i}`,
					outcome: 'People are better off',
					owner: random() < 0.9 ? `Owner ${i % 37}` : '',
					unblocker: random() < 0.8 ? `Unblocker ${i % 23}` : '',
					due,
					status: 'not-started',
					rag: 'green',
					checkins: [{ date: '2026-10-01', rag: 'green', note: 'On track' }],
				})
			)
		} else if (roll < 0.85) {
			const id = `shape:e${i}`
			enablers.push(id)
			typed.push({ id, type: 'enabler' })
			records.push(
				enabler(id, parentId, x, y, {
					service: 'finance',
					contribution: `Budget ${i}`,
					how: 'funding',
					neededBy: due,
					owner: 'Finance lead',
					status: 'requested',
				})
			)
		} else {
			const id = `shape:b${i}`
			typed.push({ id, type: 'blocker' })
			records.push(
				blocker(id, parentId, x, y, { title: `Blocker ${i}`, owner: 'Legal', severity: 'high' })
			)
		}
	}
	// About one arrow per typed shape: to a milestone earlier in the list (so mostly acyclic).
	typed.forEach((shape, i) => {
		if (milestones.length === 0 || i === 0) return
		const target = milestones[Math.floor(random() * milestones.length)]!
		if (target === shape.id) return
		records.push(...arrow(`shape:arrow${i}`, shape.id, target))
	})
	if (options.shuffled) {
		for (let i = records.length - 1; i > 0; i--) {
			const j = Math.floor(random() * (i + 1))
			;[records[i], records[j]] = [records[j]!, records[i]!]
		}
	}
	return records
}
