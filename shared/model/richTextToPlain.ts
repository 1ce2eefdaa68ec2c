import { isPlainObject } from './records'

const BLOCK_NODES = new Set([
	'paragraph',
	'heading',
	'blockquote',
	'codeBlock',
	'listItem',
	'bulletList',
	'orderedList',
	'taskItem',
	'taskList',
])
const MAX_DEPTH = 64

/**
 * The plain text of tldraw rich text (TipTap/ProseMirror JSON: `{ type: 'doc', content: [...] }`)
 * without the tldraw runtime. Blocks are separated by newlines; `hardBreak` is a newline.
 * Also accepts a plain string (tldraw v2's `text` prop). Anything else gives `""`.
 */
export function richTextToPlain(richText: unknown): string {
	if (typeof richText === 'string') return richText.trim()
	if (!isPlainObject(richText)) return ''
	// The common case, an arrow with no label: one empty paragraph.
	const content = richText.content
	if (Array.isArray(content) && content.length === 1) {
		const only = content[0]
		if (isPlainObject(only) && only.type === 'paragraph' && only.content === undefined) return ''
	}
	const blocks: string[] = []
	let current = ''
	const walk = (node: unknown, depth: number): void => {
		if (!isPlainObject(node) || depth > MAX_DEPTH) return
		if (node.type === 'text' && typeof node.text === 'string') {
			current += node.text
			return
		}
		if (node.type === 'hardBreak') {
			current += '\n'
			return
		}
		const isBlock = typeof node.type === 'string' && BLOCK_NODES.has(node.type)
		if (isBlock && current !== '') {
			blocks.push(current)
			current = ''
		}
		if (Array.isArray(node.content)) {
			for (const child of node.content) walk(child, depth + 1)
		}
		if (isBlock && current !== '') {
			blocks.push(current)
			current = ''
		}
	}
	walk(richText, 0)
	if (current !== '') blocks.push(current)
	return blocks.join('\n').trim()
}
