import type { Editor } from 'tldraw'
import { downloadBlob } from './downloadBlob'
import { mapFile, TLDR_MIME_TYPE } from './mapFile'
import { mapImage, type ImageFormat } from './mapImage'
import { planDownload, type PlanChoice } from './planDownload'

/** The milestone list in one format, downloaded. Returns the confirmation to show. */
export function downloadPlan(editor: Editor, choice: PlanChoice): string {
	const file = planDownload(editor, choice)
	downloadBlob(new Blob([file.text], { type: file.mimeType }), file.fileName)
	return `Downloaded ${file.fileName}.`
}

async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text)
		return true
	} catch {
		return false
	}
}

/** The milestone list as Markdown, copied to the clipboard and downloaded. */
export async function copyAndDownloadMarkdown(editor: Editor): Promise<string> {
	const file = planDownload(editor, { format: 'md' })
	// Asked first, while the click still counts as the person's gesture.
	const copying = copyText(file.text)
	downloadBlob(new Blob([file.text], { type: file.mimeType }), file.fileName)
	return (await copying)
		? `Copied the milestone list to the clipboard and downloaded ${file.fileName}.`
		: `Downloaded ${file.fileName}. The browser did not allow copying to the clipboard.`
}

/** The map as a picture, downloaded. */
export async function downloadImage(editor: Editor, format: ImageFormat): Promise<string> {
	const { blob, fileName } = await mapImage(editor, format)
	downloadBlob(blob, fileName)
	return `Downloaded ${fileName}.`
}

/** The map as a `.tldr` file, downloaded. */
export async function downloadMapFile(editor: Editor): Promise<string> {
	const { text, fileName } = await mapFile(editor)
	downloadBlob(new Blob([text], { type: TLDR_MIME_TYPE }), fileName)
	return `Downloaded ${fileName}: open it here (into a new map) or in tldraw.`
}
