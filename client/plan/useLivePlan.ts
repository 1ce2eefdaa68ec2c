import { useSyncExternalStore } from 'react'
import type { Editor, TLRecord } from 'tldraw'
import { extractPlan } from '../../shared/model/extractPlan'
import { localToday } from '../../shared/schema/dateString'
import type { Plan } from '../../shared/schema/planSchema'
import { PatchedPlan } from './planPatch'
import type { FromPlanWorker, ToPlanWorker } from './planWorkerMessages'

/** The document's shapes and bindings, the records the plan is made from. */
export function planRecordsOf(editor: Editor): unknown[] {
	return editor.store.allRecords().filter((r) => r.typeName === 'shape' || r.typeName === 'binding')
}

/** The plan of the map in the editor, now (the live plan when it is up to date). */
export function currentPlan(editor: Editor): Plan {
	const live = sources.get(editor)
	if (live?.isCurrent()) return live.plan
	return extractPlan(planRecordsOf(editor))
}

/**
 * The plan of the map in the editor, kept live as anyone draws (local or remote changes). One
 * source per editor serves every panel. The plan is extracted in a worker from the changes alone,
 * so the page's main thread (and so drawing) only pays for posting changed records and for the
 * entries of the plan that changed; unchanged entries keep their objects.
 */
export function useLivePlan(editor: Editor): Plan {
	const source = livePlanSource(editor)
	return useSyncExternalStore(source.subscribe, source.getPlan)
}

/** Timings of the live plan, for the benchmark (window.__dmLivePlan). */
export interface LivePlanStats {
	/** Answers applied, and the last one's times in the worker and on the page. */
	answers: number
	workerExtractMs: number
	workerTotalMs: number
	applyMs: number
	/** Whether plans come from the worker (false: extracted on the page, once a frame). */
	inWorker: boolean
	/** performance.now() of the last document change seen, message posted and answer applied. */
	changedAt: number
	postedAt: number
	answeredAt: number
}

const sources = new WeakMap<Editor, LivePlanSource>()

export function livePlanSource(editor: Editor): LivePlanSource {
	let source = sources.get(editor)
	if (!source) {
		source = new LivePlanSource(editor)
		sources.set(editor, source)
		// For benchmarks and debugging, as window.editor is.
		;(window as { __dmLivePlan?: LivePlanStats }).__dmLivePlan = source.stats
	}
	return source
}

/** Shapes whose props the plan reads; other shapes matter only as parents (where they sit). */
const PLAN_SHAPE_TYPES = new Set(['frame', 'group', 'milestone', 'enabler', 'blocker', 'arrow'])
/**
 * How often the plan follows a stream of changes: while the local pointer drags, or while changes
 * keep coming (a peer moving shapes). A change after a quiet spell goes to the worker at once.
 */
const STREAM_FLUSH_MS = 250
/** How long a source keeps its worker after the last panel using it closed. */
const IDLE_MS = 10_000

type ShapeLike = TLRecord & {
	type: string
	x: number
	y: number
	rotation: number
	parentId: string
	index: string
}

/** What the plan needs of a shape or binding record. */
function planViewOf(record: TLRecord): unknown {
	if (record.typeName === 'binding') return record
	const shape = record as ShapeLike
	if (PLAN_SHAPE_TYPES.has(shape.type)) return shape
	const { id, typeName, type, x, y, rotation, parentId, index } = shape
	return { id, typeName, type, x, y, rotation, parentId, index, props: {} }
}

function samePlace(a: TLRecord, b: TLRecord): boolean {
	const s = a as ShapeLike
	const t = b as ShapeLike
	return (
		s.type === t.type &&
		s.x === t.x &&
		s.y === t.y &&
		s.rotation === t.rotation &&
		s.parentId === t.parentId
	)
}

function isPlanRecord(record: TLRecord): boolean {
	return record.typeName === 'shape' || record.typeName === 'binding'
}

export class LivePlanSource {
	plan: Plan
	readonly stats: LivePlanStats = {
		answers: 0,
		workerExtractMs: 0,
		workerTotalMs: 0,
		applyMs: 0,
		inWorker: false,
		changedAt: 0,
		postedAt: 0,
		answeredAt: 0,
	}
	private readonly listeners = new Set<() => void>()
	private worker: Worker | null = null
	private patched: PatchedPlan | null = null
	private stopListening: (() => void) | null = null
	/** Records changed since the last message (null: removed). */
	private pending = new Map<string, TLRecord | null>()
	/** The store record last sent to the worker for each id. */
	private sent = new Map<string, TLRecord>()
	private flushQueued = false
	/** Set while the current task sends its operations to the worker as they complete. */
	private sendingThisTask = false
	private flushTimer: ReturnType<typeof setTimeout> | null = null
	private lastPostAt = -Infinity
	private frame = 0
	private sentSeq = 0
	private answeredSeq = 0
	private idleTimer: ReturnType<typeof setTimeout> | null = null
	private stoppedOnce = false
	private notifyQueued = false

	constructor(private readonly editor: Editor) {
		this.plan = extractPlan(planRecordsOf(editor))
	}

	readonly getPlan = () => this.plan

	readonly subscribe = (listener: () => void) => {
		this.listeners.add(listener)
		if (this.idleTimer) clearTimeout(this.idleTimer)
		this.idleTimer = null
		if (!this.stopListening) this.start()
		return () => {
			this.listeners.delete(listener)
			if (this.listeners.size === 0 && !this.idleTimer) {
				this.idleTimer = setTimeout(() => {
					this.idleTimer = null
					if (this.listeners.size === 0) this.stop()
				}, IDLE_MS)
			}
		}
	}

	/** Whether `plan` reflects every change made to the document so far. */
	isCurrent(): boolean {
		if (!this.stopListening) return false
		return (
			this.pending.size === 0 &&
			!this.flushQueued &&
			!this.flushTimer &&
			!this.frame &&
			this.answeredSeq === this.sentSeq
		)
	}

	private start() {
		const changed = (record: TLRecord) => this.queue(record.id, record)
		const removed = (record: TLRecord) => this.queue(record.id, null)
		// Side effects run as the change is made (local or remote), so the worker starts at once,
		// while the canvas renders the change. The store's listener, flushed once a frame, is the
		// safety net for changes made with side effects off (snapshots): whatever was not sent yet.
		const effects = this.editor.sideEffects
		const stops = [
			effects.registerAfterCreateHandler('shape', changed),
			effects.registerAfterChangeHandler('shape', (_prev, next) => changed(next)),
			effects.registerAfterDeleteHandler('shape', removed),
			effects.registerAfterCreateHandler('binding', changed),
			effects.registerAfterChangeHandler('binding', (_prev, next) => changed(next)),
			effects.registerAfterDeleteHandler('binding', removed),
		]
		// At the end of each store operation, before tldraw re-renders the canvas for it (tens of
		// milliseconds on a 5,000-shape map), so that the worker extracts while the page renders.
		stops.push(effects.registerOperationCompleteHandler(() => this.flushNow()))
		const stopListen = this.editor.store.listen(
			({ changes }) => {
				for (const record of Object.values(changes.added)) changed(record)
				for (const [, to] of Object.values(changes.updated)) changed(to)
				for (const record of Object.values(changes.removed)) removed(record)
			},
			{ scope: 'document' }
		)
		this.stopListening = () => {
			for (const stop of stops) stop()
			stopListen()
		}
		this.startWorker()
		if (!this.worker || this.stoppedOnce) {
			this.plan = extractPlan(planRecordsOf(this.editor))
			this.notify()
		}
	}

	private startWorker() {
		if (typeof Worker === 'undefined') return
		try {
			this.worker = new Worker(new URL('./planWorker.ts', import.meta.url), { type: 'module' })
		} catch {
			this.worker = null
			return
		}
		this.stats.inWorker = true
		this.patched = null
		this.worker.onmessage = (event: MessageEvent<FromPlanWorker>) => this.onAnswer(event.data)
		this.worker.onerror = () => {
			// Without the worker, extract on the page (once a frame), as a fallback.
			this.worker?.terminate()
			this.worker = null
			this.stats.inWorker = false
			this.pending.clear()
			this.sent.clear()
			this.answeredSeq = this.sentSeq
			this.scheduleOnPage()
		}
		const put: unknown[] = []
		for (const record of this.editor.store.allRecords()) {
			if (!isPlanRecord(record)) continue
			this.sent.set(record.id, record)
			put.push(planViewOf(record))
		}
		this.post(put, [])
	}

	private stop() {
		this.stoppedOnce = true
		this.stopListening?.()
		this.stopListening = null
		this.worker?.terminate()
		this.worker = null
		this.patched = null
		this.pending.clear()
		this.sent.clear()
		if (this.flushTimer) clearTimeout(this.flushTimer)
		this.flushTimer = null
		if (this.frame) cancelAnimationFrame(this.frame)
		this.frame = 0
		this.answeredSeq = this.sentSeq
	}

	private queue(id: string, record: TLRecord | null) {
		if (record && !isPlanRecord(record)) return
		this.pending.set(id, record)
		this.stats.changedAt = performance.now()
		if (!this.worker) {
			this.pending.clear()
			this.scheduleOnPage()
			return
		}
		if (!this.flushQueued) {
			this.flushQueued = true
			queueMicrotask(() => this.flush())
		}
	}

	/**
	 * Sends what changed in a store operation to the worker at once, when the worker is idle and
	 * no stream of changes is under way (else the microtask flush applies the usual limits). The
	 * other operations of the same task (an editor.run that creates shapes, then bindings) are
	 * sent at once too: the worker takes messages that arrive together into one extraction.
	 */
	private flushNow() {
		if (!this.worker || this.pending.size === 0) return
		if (!this.sendingThisTask) {
			if (this.answeredSeq !== this.sentSeq || this.isStreaming()) return
			this.sendingThisTask = true
			queueMicrotask(() => {
				this.sendingThisTask = false
			})
		}
		this.send()
	}

	/** While this person drags, or changes keep coming (a peer moving shapes). */
	private isStreaming(): boolean {
		return (
			this.editor.inputs.getIsDragging() || performance.now() - this.lastPostAt < STREAM_FLUSH_MS
		)
	}

	private flush() {
		this.flushQueued = false
		if (!this.worker || this.pending.size === 0) return
		// One extraction at a time: what changes meanwhile goes with the next message, sent when
		// the worker answers (see onAnswer).
		if (this.answeredSeq !== this.sentSeq && !this.sendingThisTask) return
		// While this person drags, or changes stream in from a peer, the plan follows a few times a
		// second, not at every move: the extraction then never competes with drawing for the cores.
		const sinceLast = performance.now() - this.lastPostAt
		if (!this.sendingThisTask && this.isStreaming()) {
			if (!this.flushTimer) {
				this.flushTimer = setTimeout(
					() => {
						this.flushTimer = null
						this.flush()
					},
					Math.max(0, STREAM_FLUSH_MS - sinceLast)
				)
			}
			return
		}
		this.send()
	}

	/** Posts the pending changes to the worker. */
	private send() {
		if (this.flushTimer) clearTimeout(this.flushTimer)
		this.flushTimer = null
		const put: unknown[] = []
		const remove: string[] = []
		for (const [id, record] of this.pending) {
			const before = this.sent.get(id)
			if (record === null) {
				if (before) remove.push(id)
				this.sent.delete(id)
				continue
			}
			if (before === record) continue
			const view = planViewOf(record)
			this.sent.set(id, record)
			// A drawing, note or geo shape changing only its content changes nothing in the plan.
			if (before && view !== record && samePlace(before, record)) continue
			put.push(view)
		}
		this.pending.clear()
		if (put.length > 0 || remove.length > 0) this.post(put, remove)
	}

	private post(put: unknown[], remove: string[]) {
		const message: ToPlanWorker = { seq: ++this.sentSeq, put, remove, today: localToday() }
		this.worker!.postMessage(message)
		this.stats.postedAt = this.lastPostAt = performance.now()
	}

	private onAnswer(answer: FromPlanWorker) {
		const started = performance.now()
		this.answeredSeq = answer.seq
		this.patched ??= new PatchedPlan(answer.format)
		const changed = this.patched.apply(answer.patch)
		this.stats.answers++
		this.stats.workerExtractMs = answer.extractMs
		this.stats.workerTotalMs = answer.totalMs
		this.stats.applyMs = performance.now() - started
		this.stats.answeredAt = started
		if (changed) {
			this.plan = this.patched.plan
			this.notifyAfterPaint()
		}
		// Changes that arrived while the worker was busy.
		if (this.pending.size > 0 && !this.flushQueued && !this.flushTimer) this.flush()
	}

	private scheduleOnPage() {
		if (this.frame) return
		this.frame = requestAnimationFrame(() => {
			this.frame = 0
			this.plan = extractPlan(planRecordsOf(this.editor))
			this.notify()
		})
	}

	/**
	 * Tells the panels once the next frame is on screen. An answer often arrives while the page
	 * is still busy with the change that caused it (tldraw applies one change to a 5,000-shape
	 * canvas in tens of milliseconds); rendering the outline for it then would hold back the frame
	 * that shows the change itself, which the outline's rows already show from the live records.
	 * A hidden page gets no frames: it is told at once.
	 */
	private notifyAfterPaint() {
		if (typeof document === 'undefined' || document.visibilityState === 'hidden') {
			this.notify()
			return
		}
		if (this.notifyQueued) return
		this.notifyQueued = true
		requestAnimationFrame(() =>
			setTimeout(() => {
				this.notifyQueued = false
				this.notify()
			}, 0)
		)
	}

	private notify() {
		for (const listener of this.listeners) listener()
	}
}
