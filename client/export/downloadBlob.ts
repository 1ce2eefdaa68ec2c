/**
 * Saves `blob` as a file named `fileName` through the browser's own download (a link with the
 * `download` attribute). The object URL is released once the browser has had time to read it.
 */
export function downloadBlob(blob: Blob, fileName: string) {
	const url = URL.createObjectURL(blob)
	const link = document.createElement('a')
	link.href = url
	link.download = fileName
	link.style.display = 'none'
	document.body.append(link)
	link.click()
	link.remove()
	setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
