/** Saves text as a file through the browser's download (no network: a blob URL). */
export function downloadText(fileName: string, text: string, mimeType: string) {
	const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
	const link = document.createElement('a')
	link.href = url
	link.download = fileName
	link.style.display = 'none'
	document.body.append(link)
	link.click()
	link.remove()
	// Give the browser time to start the download before the URL goes.
	setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
