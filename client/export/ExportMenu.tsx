import { useEffect, useRef, useState, type CSSProperties } from 'react'
import { useValue, type Editor } from 'tldraw'
import type { RoomSession } from '../room/RoomSession'
import { ActionMenu, type MenuSection } from './ActionMenu'
import {
	copyAndDownloadMarkdown,
	downloadImage,
	downloadMapFile,
	downloadPlan,
} from './exportActions'
import './exportMenu.css'
import { ImportDialog, type ImportDialogState } from './ImportDialog'
import { takeImportNotice } from './importNotice'
import { importNoticeText, importReport } from './importReport'
import { openAsNewMap } from './openAsNewMap'
import { OPEN_EXPORT_MENU_EVENT } from './openExportMenu'
import { readMapFile } from './readMapFile'
import { replaceMap } from './replaceMap'

interface Notice {
	kind: 'working' | 'done' | 'problem'
	text: string
}

const NOTICE_MS = 8000

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error)
}

/**
 * The export menu in the side panel's bar: the milestone list (Markdown, also copied to the
 * clipboard; CSV, canonical or for Jira or Asana; JSON; iCalendar), the map as PNG or SVG, and
 * the map as a `.tldr` file, saved or opened (into a new map, or replacing this one after a
 * confirmation). Each result is confirmed in a status line; problems say what went wrong.
 */
export function ExportMenu({ editor, session }: { editor: Editor; session: RoomSession }) {
	const [notice, setNotice] = useState<Notice | null>(() => {
		const text = takeImportNotice(session.roomId)
		return text === null ? null : { kind: 'done', text }
	})
	const [dialog, setDialog] = useState<ImportDialogState | null>(null)
	const [busy, setBusy] = useState(false)
	const [problem, setProblem] = useState<string | null>(null)
	const fileInput = useRef<HTMLInputElement>(null)
	const container = useRef<HTMLDivElement>(null)
	const menuButton = useRef<HTMLButtonElement>(null)
	const target = useRef<'new' | 'replace'>('new')
	const canWrite = useValue('can write', () => session.binding.canWrite(), [session])

	useEffect(() => {
		if (notice?.kind !== 'done') return
		const timer = setTimeout(() => setNotice(null), NOTICE_MS)
		return () => clearTimeout(timer)
	}, [notice])

	/** Runs an export; `working` is shown meanwhile for those that can take a while. */
	const run = (action: () => string | Promise<string>, working?: string) => {
		setNotice(working ? { kind: 'working', text: working } : null)
		Promise.resolve()
			.then(action)
			.then((text) => setNotice({ kind: 'done', text }))
			.catch((error: unknown) => setNotice({ kind: 'problem', text: messageOf(error) }))
	}
	const pickFile = (into: 'new' | 'replace') => {
		target.current = into
		setNotice(null)
		const input = fileInput.current
		if (!input) return
		input.value = ''
		input.click()
	}

	const onFile = async (file: File | undefined) => {
		if (!file) return
		setProblem(null)
		let read: Awaited<ReturnType<typeof readMapFile>>
		try {
			read = await readMapFile(file, editor.store.schema)
		} catch (error) {
			read = {
				ok: false,
				fileName: file.name,
				message: `${file.name} could not be read (${messageOf(error)}).`,
			}
		}
		if (!read.ok) {
			setDialog({ kind: 'error', fileName: read.fileName, message: read.message })
			return
		}
		const report = importReport(read)
		setDialog(
			target.current === 'new'
				? { kind: 'new', file: read, report }
				: { kind: 'replace', file: read, report, currentShapes: countShapes(editor) }
		)
	}

	const confirm = async () => {
		if (!dialog || dialog.kind === 'error') return
		setBusy(true)
		setProblem(null)
		try {
			if (dialog.kind === 'new') {
				await openAsNewMap(
					dialog.file.records,
					editor.store.schema,
					importNoticeText(dialog.file, dialog.report),
					dialog.file.fileName
				)
				return
			}
			replaceMap(editor, session, dialog.file.records)
			const fixes = dialog.report.headline ? ` While reading it: ${dialog.report.headline}.` : ''
			setDialog(null)
			menuButton.current?.focus()
			setNotice({
				kind: 'done',
				text: `Replaced this map with ${dialog.file.fileName}: ${dialog.report.contents}.${fixes} Undo (Ctrl+Z) brings the previous map back.`,
			})
		} catch (error) {
			setProblem(`Nothing was changed: ${messageOf(error)}`)
		} finally {
			setBusy(false)
		}
	}

	const sections: MenuSection[] = [
		{
			label: 'Milestone list',
			actions: [
				{
					id: 'md',
					label: 'Markdown',
					hint: 'Copied to the clipboard and downloaded',
					onSelect: () => run(() => copyAndDownloadMarkdown(editor)),
				},
				{
					id: 'csv',
					label: 'CSV spreadsheet',
					onSelect: () => run(() => downloadPlan(editor, { format: 'csv' })),
				},
				{
					id: 'csv-jira',
					label: 'CSV for Jira',
					onSelect: () => run(() => downloadPlan(editor, { format: 'csv', preset: 'jira' })),
				},
				{
					id: 'csv-asana',
					label: 'CSV for Asana',
					onSelect: () => run(() => downloadPlan(editor, { format: 'csv', preset: 'asana' })),
				},
				{
					id: 'json',
					label: 'JSON plan',
					onSelect: () => run(() => downloadPlan(editor, { format: 'json' })),
				},
				{
					id: 'ics',
					label: 'iCalendar',
					hint: 'Milestones as to-dos with due dates',
					onSelect: () => run(() => downloadPlan(editor, { format: 'ics' })),
				},
			],
		},
		{
			label: 'Picture of the map',
			actions: [
				{
					id: 'png',
					label: 'PNG image',
					onSelect: () => run(() => downloadImage(editor, 'png'), 'Drawing the map as PNG…'),
				},
				{
					id: 'svg',
					label: 'SVG image',
					onSelect: () => run(() => downloadImage(editor, 'svg'), 'Drawing the map as SVG…'),
				},
			],
		},
		{
			label: 'Map file (.tldr)',
			actions: [
				{
					id: 'tldr',
					label: 'Save as .tldr file',
					onSelect: () => run(() => downloadMapFile(editor), 'Saving the map as a .tldr file…'),
				},
				{
					id: 'open-new',
					label: 'Open .tldr as a new map…',
					onSelect: () => pickFile('new'),
				},
				{
					id: 'open-replace',
					label: 'Replace this map with .tldr…',
					...(session.kind === 'view'
						? { disabledReason: 'Not from a view link' }
						: canWrite
							? { hint: 'Asks first; Undo brings this map back' }
							: { disabledReason: 'This map is read-only here' }),
					onSelect: () => pickFile('replace'),
				},
			],
		},
	]

	return (
		<div className="dm-export" ref={container}>
			<ActionMenu
				label="Export"
				sections={sections}
				buttonRef={menuButton}
				openOn={OPEN_EXPORT_MENU_EVENT}
			/>
			<input
				ref={fileInput}
				type="file"
				accept=".tldr,application/vnd.tldraw+json,application/json,.json"
				className="dm-export-file"
				tabIndex={-1}
				aria-hidden="true"
				onChange={(e) => void onFile(e.currentTarget.files?.[0])}
			/>
			<div
				className="dm-export-notice"
				role="status"
				data-kind={notice?.kind}
				style={notice ? noticePlacement(container.current) : undefined}
			>
				{notice ? (
					<>
						<span>{notice.text}</span>
						<button
							type="button"
							className="dm-link-button"
							aria-label="Dismiss"
							onClick={() => setNotice(null)}
						>
							✕
						</button>
					</>
				) : null}
			</div>
			{dialog ? (
				<ImportDialog
					state={dialog}
					busy={busy}
					problem={problem}
					onCancel={() => {
						setDialog(null)
						setProblem(null)
						menuButton.current?.focus()
					}}
					onConfirm={() => void confirm()}
				/>
			) : null}
		</div>
	)
}

/** Below the menu's button, or above it when the button sits low (the panel folded away). */
function noticePlacement(anchor: HTMLElement | null): CSSProperties | undefined {
	const rect = anchor?.getBoundingClientRect()
	if (!rect) return undefined
	const right = Math.max(8, window.innerWidth - rect.right)
	return rect.top > window.innerHeight / 2
		? { top: 'auto', bottom: window.innerHeight - rect.top + 8, right }
		: { top: rect.bottom + 8, right }
}

function countShapes(editor: Editor): number {
	return editor.store.allRecords().filter((r) => r.typeName === 'shape').length
}
