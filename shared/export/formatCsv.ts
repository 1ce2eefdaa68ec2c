/** The byte order mark that tells spreadsheet programs (Excel above all) the file is UTF-8. */
export const UTF8_BOM = '\uFEFF'

/**
 * RFC 4180 CSV: a header row then the rows, CRLF after every record, a cell quoted when it holds a
 * comma, a quote, CR or LF (quotes doubled), prefixed with the UTF-8 BOM. Cells are neutralised
 * first (see `neutraliseCell`), so no cell can run as a spreadsheet formula.
 */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
	return UTF8_BOM + lines.map((line) => `${line}\r\n`).join('')
}

/** One neutralised and quoted CSV cell. */
export function csvCell(value: string): string {
	const safe = neutraliseCell(value)
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/**
 * OWASP CSV injection defence: a cell that starts with `=`, `+`, `-`, `@`, tab or carriage
 * return gets a leading single quote, so Excel, LibreOffice and Google Sheets show it as text.
 */
export function neutraliseCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
