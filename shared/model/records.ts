/** Plain tldraw records as the model reads them: JSON in, with the fields the plan needs checked. */
export interface RecordLike {
	id: string
	typeName: string
	[key: string]: unknown
}

export interface ShapeRecord extends RecordLike {
	typeName: 'shape'
	type: string
	x: number
	y: number
	rotation: number
	parentId: string
	index: string
	props: Record<string, unknown>
}

export interface BindingRecord extends RecordLike {
	typeName: 'binding'
	type: string
	fromId: string
	toId: string
	props: Record<string, unknown>
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isShapeRecord(record: RecordLike): record is ShapeRecord {
	return record.typeName === 'shape'
}

export function isBindingRecord(record: RecordLike): record is BindingRecord {
	return record.typeName === 'binding'
}
