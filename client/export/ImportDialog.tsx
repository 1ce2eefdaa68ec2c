import { useEffect, useRef } from 'react'
import type { ImportReport } from './importReport'
import type { MapFileContents } from './readMapFile'
import { ModalBackdrop } from '../ui/ModalBackdrop'

/** What the import dialog asks about: a file that cannot be opened, or what to do with one. */
export type ImportDialogState =
	| { kind: 'error'; fileName: string; message: string }
	| { kind: 'new'; file: MapFileContents; report: ImportReport }
	| { kind: 'replace'; file: MapFileContents; report: ImportReport; currentShapes: number }

interface ImportDialogProps {
	state: ImportDialogState
	busy: boolean
	/** Set when the last attempt failed (the map was left as it was). */
	problem: string | null
	onCancel: () => void
	onConfirm: () => void
}

const MAX_DETAILS = 12

/**
 * Opening a `.tldr` file: says what the file holds and what reading it changed (the restore
 * diagnostics), then asks before opening it as a new map or replacing the current one. A file
 * that cannot be opened gets its reason and the assurance that the map was not touched.
 */
export function ImportDialog({ state, busy, problem, onCancel, onConfirm }: ImportDialogProps) {
	const cancelRef = useRef<HTMLButtonElement>(null)
	const confirmRef = useRef<HTMLButtonElement>(null)
	useEffect(() => {
		// Replacing is destructive: Cancel has the focus. Opening a new map is not.
		;(state.kind === 'new' ? confirmRef : cancelRef).current?.focus()
	}, [state])

	const title =
		state.kind === 'error'
			? 'This file cannot be opened'
			: state.kind === 'new'
				? `Open “${state.file.fileName}” as a new map?`
				: `Replace this map with “${state.file.fileName}”?`
	return (
		<ModalBackdrop onClick={busy ? undefined : onCancel} onEscape={onCancel}>
			<div
				className="dm-modal dm-import"
				role={state.kind === 'new' ? 'dialog' : 'alertdialog'}
				aria-modal="true"
				aria-labelledby="dm-import-title"
				aria-describedby="dm-import-body"
				data-kind={state.kind}
				onClick={(e) => e.stopPropagation()}
			>
				<h2 id="dm-import-title">{title}</h2>
				<div id="dm-import-body" className="dm-import-body">
					{state.kind === 'error' ? (
						<>
							<p className="dm-problem" role="alert">
								{state.message}
							</p>
							<p>Nothing was changed: the map is as it was.</p>
						</>
					) : (
						<>
							<p>
								The file holds {state.report.contents}.
								{state.kind === 'new'
									? ' It opens in a new map with its own link; this map stays as it is.'
									: ''}
							</p>
							{state.kind === 'replace' ? (
								<p className="dm-import-warning">
									The {state.currentShapes} shapes on this map will be replaced for everyone in the
									room. Undo (Ctrl+Z) brings them back.
								</p>
							) : null}
							<ImportDetails report={state.report} />
						</>
					)}
				</div>
				{problem ? (
					<p className="dm-problem" role="alert">
						{problem}
					</p>
				) : null}
				<div className="dm-modal-actions">
					<button
						ref={cancelRef}
						type="button"
						className="dm-button"
						onClick={onCancel}
						disabled={busy}
					>
						{state.kind === 'error' ? 'Close' : 'Cancel'}
					</button>
					{state.kind === 'error' ? null : (
						<button
							ref={confirmRef}
							type="button"
							className={`dm-button ${state.kind === 'replace' ? 'dm-danger' : 'dm-primary'}`}
							onClick={onConfirm}
							disabled={busy}
						>
							{state.kind === 'new' ? 'Open as a new map' : 'Replace this map'}
						</button>
					)}
				</div>
			</div>
		</ModalBackdrop>
	)
}

/** The restore diagnostics: how many records were skipped or repaired, and each one's message. */
function ImportDetails({ report }: { report: ImportReport }) {
	if (report.details.length === 0) {
		return <p className="dm-import-clean">Every record in the file was read as it is.</p>
	}
	const shown = report.details.slice(0, MAX_DETAILS)
	return (
		<div className="dm-import-details">
			<p className="dm-import-headline">While reading the file: {report.headline}.</p>
			<ul aria-label="What was skipped or repaired">
				{shown.map((message, i) => (
					<li key={i}>{message}</li>
				))}
			</ul>
			{report.details.length > shown.length ? (
				<p className="dm-hint">…and {report.details.length - shown.length} more.</p>
			) : null}
		</div>
	)
}
