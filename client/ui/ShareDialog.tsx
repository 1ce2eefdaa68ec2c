import { useEffect, useState } from 'react'
import { ModalBackdrop } from './ModalBackdrop'

interface RoomLinks {
	edit: string
	view: string
}

interface ShareDialogProps {
	editId: string
	onClose: () => void
}

function absolute(path: string) {
	return new URL(path, location.origin).toString()
}

async function copyText(text: string): Promise<boolean> {
	try {
		await navigator.clipboard.writeText(text)
		return true
	} catch {
		return false
	}
}

/** The edit link and the view link of a map, each with a copy button. */
export function ShareDialog({ editId, onClose }: ShareDialogProps) {
	const [links, setLinks] = useState<RoomLinks>({ edit: absolute(`/r/${editId}`), view: '' })
	const [viewProblem, setViewProblem] = useState<string | null>(null)
	const [copied, setCopied] = useState<string | null>(null)

	useEffect(() => {
		let cancelled = false
		fetch(`/api/rooms/${editId}/links`)
			.then(async (response) => {
				if (!response.ok) throw new Error(`the server answered ${response.status}`)
				const body = (await response.json()) as Partial<RoomLinks>
				if (typeof body.view !== 'string' || typeof body.edit !== 'string') {
					throw new Error('the server sent no view link')
				}
				if (!cancelled) setLinks({ edit: absolute(body.edit), view: absolute(body.view) })
			})
			.catch((error: unknown) => {
				if (!cancelled) {
					setViewProblem(
						`The view link needs a connection to the server (${error instanceof Error ? error.message : String(error)}). Try again when you are online.`
					)
				}
			})
		return () => {
			cancelled = true
		}
	}, [editId])

	const copy = async (which: 'edit' | 'view', text: string) => {
		setCopied((await copyText(text)) ? which : null)
	}

	return (
		<ModalBackdrop onClick={onClose} onEscape={onClose}>
			<div
				className="dm-modal dm-share"
				role="dialog"
				aria-modal="true"
				aria-labelledby="dm-share-title"
				onClick={(e) => e.stopPropagation()}
			>
				<h2 id="dm-share-title">Share this map</h2>
				<label htmlFor="dm-edit-link">Edit link: anyone with it can change the map</label>
				<div className="dm-copy-row">
					<input
						id="dm-edit-link"
						readOnly
						value={links.edit}
						onFocus={(e) => e.currentTarget.select()}
					/>
					<button
						type="button"
						className="dm-button dm-primary"
						onClick={() => copy('edit', links.edit)}
					>
						{copied === 'edit' ? 'Copied' : 'Copy'}
					</button>
				</div>
				<label htmlFor="dm-view-link">View link: watch only, cannot change anything</label>
				<div className="dm-copy-row">
					<input
						id="dm-view-link"
						readOnly
						value={links.view}
						placeholder={viewProblem ? 'Not available offline' : 'Loading…'}
						onFocus={(e) => e.currentTarget.select()}
					/>
					<button
						type="button"
						className="dm-button dm-primary"
						disabled={links.view === ''}
						onClick={() => copy('view', links.view)}
					>
						{copied === 'view' ? 'Copied' : 'Copy'}
					</button>
				</div>
				{viewProblem ? <p className="dm-problem">{viewProblem}</p> : null}
				<div className="dm-modal-actions">
					<button type="button" className="dm-button" onClick={onClose}>
						Done
					</button>
				</div>
			</div>
		</ModalBackdrop>
	)
}
