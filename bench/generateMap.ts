/**
 * A synthetic delivery map: `stages` frames side by side, `shapes` typed shapes spread over
 * them (60% milestones, 25% enablers, 15% blockers) and about one bound arrow per typed shape.
 * Deterministic for a given seed, so benchmark runs compare like with like.
 */
export function generateMap(shapes: number, options: { stages?: number; seed?: number } = {}) {
	const stageCount = options.stages ?? 10
	let seed = options.seed ?? 1
	const random = () => {
		seed = (seed * 1664525 + 1013904223) >>> 0
		return seed / 2 ** 32
	}
	const records: Record<string, unknown>[] = [
		{ id: 'document:document', typeName: 'document', gridSize: 10, name: '', meta: {} },
		{ id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} },
	]
	const base = (id: string, type: string, parentId: string, x: number, y: number) => ({
		id,
		typeName: 'shape',
		type,
		parentId,
		x,
		y,
		rotation: 0,
		index: 'a1',
		isLocked: false,
		opacity: 1,
		meta: {},
	})
	for (let s = 0; s < stageCount; s++) {
		records.push({
			...base(`shape:stage${s}`, 'frame', 'page:page', s * 4000, 0),
			props: { w: 3800, h: 100_000, name: `Stage ${s + 1}`, color: 'black' },
		})
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
			records.push({
				...base(id, 'milestone', parentId, x, y),
				props: {
					w: 240,
					h: 140,
					title: `Milestone ${i}`,
					outcome: 'People are better off',
					owner: random() < 0.9 ? `Owner ${i % 37}` : '',
					unblocker: random() < 0.8 ? `Unblocker ${i % 23}` : '',
					due,
					status: 'not-started',
					rag: 'green',
					checkins: [{ date: '2026-10-01', rag: 'green', note: 'On track' }],
				},
			})
		} else if (roll < 0.85) {
			const id = `shape:e${i}`
			enablers.push(id)
			typed.push({ id, type: 'enabler' })
			records.push({
				...base(id, 'enabler', parentId, x, y),
				props: {
					w: 220,
					h: 120,
					service: 'finance',
					contribution: `Budget ${i}`,
					how: 'funding',
					neededBy: due,
					owner: 'Finance lead',
					status: 'requested',
				},
			})
		} else {
			const id = `shape:b${i}`
			typed.push({ id, type: 'blocker' })
			records.push({
				...base(id, 'blocker', parentId, x, y),
				props: {
					w: 220,
					h: 120,
					title: `Blocker ${i}`,
					kind: 'contract',
					owner: 'Legal',
					severity: 'high',
					status: 'open',
				},
			})
		}
	}
	// About one arrow per typed shape: to a milestone earlier in the list (so mostly acyclic).
	typed.forEach((shape, i) => {
		if (milestones.length === 0 || i === 0) return
		const target = milestones[Math.floor(random() * milestones.length)]!
		if (target === shape.id) return
		const arrow = `shape:arrow${i}`
		records.push({
			...base(arrow, 'arrow', 'page:page', 0, 0),
			props: {
				kind: 'arc',
				start: { x: 0, y: 0 },
				end: { x: 1, y: 1 },
				richText: { type: 'doc', content: [{ type: 'paragraph' }] },
			},
		})
		const bind = (terminal: string, toId: string) => ({
			id: `binding:${arrow.slice(6)}-${terminal}`,
			typeName: 'binding',
			type: 'arrow',
			fromId: arrow,
			toId,
			props: {
				terminal,
				isPrecise: false,
				isExact: false,
				normalizedAnchor: { x: 0.5, y: 0.5 },
				snap: 'none',
			},
			meta: {},
		})
		records.push(bind('start', shape.id), bind('end', target))
	})
	return records
}
