import type { IncomingMessage, ServerResponse } from 'node:http'
import { exportPlan, parseExportOptions, planFileName } from '../shared/export/exportPlan'
import { extractPlan } from '../shared/model/extractPlan'
import { mapNameOf } from '../shared/model/mapName'
import { isRoomId } from '../shared/roomId'
import type { RoomRegistry } from './RoomRegistry'
import type { RoomStore } from './RoomStore'

export interface ApiDeps {
	store: RoomStore
	registry: RoomRegistry
}

const ROUTE = /^\/api\/rooms\/([^/]*)\/(links|plan)$/

/** `/api/rooms/<editId>/links` and `/api/rooms/<id>/plan`. Returns false for other paths. */
export async function handleApi(
	deps: ApiDeps,
	req: IncomingMessage,
	res: ServerResponse
): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://relay.invalid')
	const match = ROUTE.exec(url.pathname)
	if (!match) return json(res, 404, { error: 'No such API route.' })
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.setHeader('allow', 'GET, HEAD')
		return json(res, 405, { error: 'Only GET is supported here.' })
	}
	const id = match[1]!
	if (!isRoomId(id)) return json(res, 400, { error: 'This is not a valid map id.' })
	if (match[2] === 'links') return links(deps, id, res)
	return plan(deps, id, url.searchParams, res)
}

async function links(deps: ApiDeps, editId: string, res: ServerResponse): Promise<void> {
	if ((await deps.store.editIdOfView(editId)) !== undefined) {
		return json(res, 403, { error: 'This is a view link; it cannot give the edit link.' })
	}
	const viewId = await deps.store.viewIdOf(editId, true)
	return json(res, 200, { edit: `/r/${editId}`, view: `/v/${viewId}`, editId, viewId })
}

async function plan(
	deps: ApiDeps,
	id: string,
	query: URLSearchParams,
	res: ServerResponse
): Promise<void> {
	const parsed = parseExportOptions({
		format: query.get('format') ?? 'json',
		preset: query.get('preset') ?? undefined,
		today: query.get('today') ?? undefined,
	})
	if (!parsed.ok) return json(res, 400, { error: parsed.message })
	const editId = (await deps.store.editIdOfView(id)) ?? id
	if (!deps.registry.loaded(editId) && !(await deps.store.exists(editId))) {
		return json(res, 404, { error: 'There is no map with this id on this server.' })
	}
	const doc = await deps.registry.readDoc(editId)
	const records = Object.values(doc.getMap('records').toJSON() as Record<string, unknown>)
	const options = parsed.options
	const mapName = mapNameOf(records)
	const result = exportPlan(
		extractPlan(records, options.today === undefined ? {} : { today: options.today }),
		{ ...options, mapName }
	)
	const base = mapName || 'delivery-plan'
	const fileName = planFileName(base, options)
	const body = Buffer.from(result.text, 'utf8')
	res.writeHead(200, {
		'content-type': result.mimeType,
		'content-length': body.length,
		'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
		'cache-control': 'no-store',
	})
	res.end(body)
}

function json(res: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body)
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
	})
	res.end(text)
}
