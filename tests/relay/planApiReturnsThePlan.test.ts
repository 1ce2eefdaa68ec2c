import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'
import { exportPlan } from '../../shared/export/exportPlan'
import { extractPlan } from '../../shared/model/extractPlan'
import { connect, newRoomId, putRecord, startRelay, synced, until } from './startRelay'

const DOCUMENT_TYPES = new Set(['document', 'page', 'shape', 'binding', 'asset'])
const sample = JSON.parse(readFileSync('/work/shared/fixtures/sample-map.tldr', 'utf8')) as {
	schema: unknown
	records: Record<string, unknown>[]
}

test('the plan API returns the plan of the sample map a client put in the room', async () => {
	const relay = await startRelay()
	const editId = newRoomId()
	const writer = connect(relay, editId)
	await synced(writer)
	writer.doc.transact(() => {
		for (const record of sample.records)
			if (DOCUMENT_TYPES.has(String(record.typeName))) putRecord(writer.doc, record)
		writer.doc.getMap('meta').set('schema', sample.schema)
	})
	await until(() => relay.metrics.updates >= 1, 'the relay has the map')
	const today = '2026-03-02'
	const expected = exportPlan(extractPlan(sample, { today }), { format: 'json' }).text

	const res = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=json&today=${today}`)
	expect(res.status).toBe(200)
	expect(res.headers.get('content-type')).toBe('application/json')
	expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.json"/)
	const body = await res.text()
	expect(JSON.parse(body)).toEqual(JSON.parse(expected))
	expect((JSON.parse(body) as { milestones: unknown[] }).milestones).toHaveLength(5)

	// The view id gives the same plan; other formats carry their own type and file name.
	const links = (await (await fetch(`${relay.url}/api/rooms/${editId}/links`)).json()) as {
		viewId: string
	}
	const md = await fetch(`${relay.url}/api/rooms/${links.viewId}/plan?format=md&today=${today}`)
	expect(md.status).toBe(200)
	expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
	expect(await md.text()).toBe(exportPlan(extractPlan(sample, { today }), { format: 'md' }).text)
	const csv = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=csv&preset=jira`)
	expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
	expect(csv.headers.get('content-disposition')).toContain('-jira.csv')
	const ics = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=ics`)
	expect(ics.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
	expect(await ics.text()).toContain('BEGIN:VCALENDAR')
})

test("the plan API heads the Markdown with the map's name and names the calendar and file after it", async () => {
	const relay = await startRelay()
	const editId = newRoomId()
	const writer = connect(relay, editId)
	await synced(writer)
	const name = '  Retrofit\nprogramme: *phase 2*  '
	const named = {
		...sample,
		records: sample.records.map((r) => (r.id === 'document:document' ? { ...r, name } : r)),
	}
	writer.doc.transact(() => {
		for (const record of named.records)
			if (DOCUMENT_TYPES.has(String(record.typeName))) putRecord(writer.doc, record)
		writer.doc.getMap('meta').set('schema', sample.schema)
	})
	await until(() => relay.metrics.updates >= 1, 'the relay has the map')
	const today = '2026-03-02'
	const cleaned = 'Retrofit programme: *phase 2*'

	const md = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=md&today=${today}`)
	expect(md.status).toBe(200)
	const text = await md.text()
	expect(text.split('\n')[0]).toBe('# Delivery plan: Retrofit programme: \\*phase 2\\*')
	expect(text).toBe(
		exportPlan(extractPlan(sample, { today }), { format: 'md', mapName: cleaned }).text
	)
	// The file is named after the cleaned name: its line break is a space, not dropped.
	expect(md.headers.get('content-disposition')).toMatch(
		/^attachment; filename="Retrofit-programme-phase-2\.md"/
	)
	const ics = await (await fetch(`${relay.url}/api/rooms/${editId}/plan?format=ics`)).text()
	expect(ics).toContain(`\r\nX-WR-CALNAME:${cleaned}\r\n`)
	// A query string cannot set the name.
	const spoofed = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=md&mapName=Other`)
	expect((await spoofed.text()).split('\n')[0]).toBe(text.split('\n')[0])
})

test('the plan API explains bad requests and unknown rooms', async () => {
	const relay = await startRelay()
	const bad = await fetch(`${relay.url}/api/rooms/${newRoomId()}/plan?format=pdf`)
	expect(bad.status).toBe(400)
	expect(((await bad.json()) as { error: string }).error).toMatch(/format must be one of/)
	const unknown = await fetch(`${relay.url}/api/rooms/${newRoomId()}/plan?format=md`)
	expect(unknown.status).toBe(404)
	expect((await fetch(`${relay.url}/api/rooms/..%2F..%2Fetc/plan`)).status).toBe(400)
})

test('the plan of an unloaded room is read from the store', async () => {
	const relay = await startRelay({ roomIdleMs: 50 })
	const editId = newRoomId()
	const writer = connect(relay, editId)
	await synced(writer)
	for (const record of sample.records)
		if (DOCUMENT_TYPES.has(String(record.typeName))) putRecord(writer.doc, record)
	await until(() => relay.metrics.updates >= 40, 'the relay has the map')
	writer.provider.destroy()
	await until(() => relay.metrics.roomsLoaded === 0, 'the room is unloaded')
	const res = await fetch(`${relay.url}/api/rooms/${editId}/plan?format=json`)
	expect(res.status).toBe(200)
	expect(((await res.json()) as { milestones: unknown[] }).milestones).toHaveLength(5)
})
