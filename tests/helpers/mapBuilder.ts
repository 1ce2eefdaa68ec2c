import { seededRandom } from './seededRandom'
/** Builds tldraw-shaped records for tests, as tldraw 5.4.2 writes them (see ../shared/fixtures). */
type Props = Record<string, unknown>

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

export const page = { id: 'page:page', typeName: 'page', name: 'Page 1', index: 'a1', meta: {} }

export function frame(id: string, name: string, x: number, y = 0, parentId = 'page:page') {
	return { ...base(id, 'frame', parentId, x, y), props: { w: 900, h: 1000, name, color: 'black' } }
}

export function milestone(id: string, parentId: string, x: number, y: number, props: Props = {}) {
	return {
		...base(id, 'milestone', parentId, x, y),
		props: {
			w: 240,
			h: 140,
			title: id.slice(6),
			outcome: '',
			owner: 'Owner',
			unblocker: 'Unblocker',
			due: '2027-06-30',
			status: 'not-started',
			rag: 'none',
			checkins: [],
			...props,
		},
	}
}

export function enabler(id: string, parentId: string, x: number, y: number, props: Props = {}) {
	return {
		...base(id, 'enabler', parentId, x, y),
		props: {
			w: 220,
			h: 120,
			service: 'legal',
			contribution: 'Advice',
			how: 'advice',
			neededBy: '2027-01-31',
			owner: 'Lee',
			status: 'requested',
			...props,
		},
	}
}

export function blocker(id: string, parentId: string, x: number, y: number, props: Props = {}) {
	return {
		...base(id, 'blocker', parentId, x, y),
		props: {
			w: 220,
			h: 120,
			title: id.slice(6),
			kind: 'contract',
			owner: 'Alex',
			severity: 'medium',
			status: 'open',
			...props,
		},
	}
}

/** An arrow and its two bindings; `from` or `to` null leaves that end unbound. */
export function arrow(id: string, from: string | null, to: string | null, text = '') {
	const records: Record<string, unknown>[] = [
		{
			...base(id, 'arrow', 'page:page', 0, 0),
			props: {
				kind: 'arc',
				start: { x: 0, y: 0 },
				end: { x: 100, y: 0 },
				richText: {
					type: 'doc',
					content: [
						text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' },
					],
				},
			},
		},
	]
	const bind = (terminal: 'start' | 'end', toId: string) => ({
		id: `binding:${id.slice(6)}-${terminal}`,
		typeName: 'binding',
		type: 'arrow',
		fromId: id,
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
	if (from) records.push(bind('start', from))
	if (to) records.push(bind('end', to))
	return records
}

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
export function shuffled<T>(items: T[], seed: number): T[] {
	const out = [...items]
	const random = seededRandom(seed)
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1))
		;[out[i], out[j]] = [out[j]!, out[i]!]
	}
	return out
}
