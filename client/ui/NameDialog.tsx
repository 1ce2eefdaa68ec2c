import { useState } from 'react'
import { ModalBackdrop } from './ModalBackdrop'

interface NameDialogProps {
	initial: string
	title: string
	onSave: (name: string) => void
	onCancel?: () => void
}

/** Asks for the name shown beside this person's cursor. Remembered on this device. */
export function NameDialog({ initial, title, onSave, onCancel }: NameDialogProps) {
	const [name, setName] = useState(initial)
	const trimmed = name.trim()
	return (
		<ModalBackdrop onEscape={onCancel}>
			<form
				className="dm-modal"
				role="dialog"
				aria-modal="true"
				aria-labelledby="dm-name-title"
				onSubmit={(e) => {
					e.preventDefault()
					if (trimmed !== '') onSave(trimmed)
				}}
			>
				<h2 id="dm-name-title">{title}</h2>
				<p>Others in this map see this name beside your cursor. You can change it later.</p>
				<label htmlFor="dm-name-input">Your name</label>
				<input
					id="dm-name-input"
					autoFocus
					maxLength={40}
					value={name}
					onChange={(e) => setName(e.currentTarget.value)}
				/>
				<div className="dm-modal-actions">
					{onCancel ? (
						<button type="button" className="dm-button" onClick={onCancel}>
							Cancel
						</button>
					) : null}
					<button type="submit" className="dm-button dm-primary" disabled={trimmed === ''}>
						{onCancel ? 'Save' : 'Join the map'}
					</button>
				</div>
			</form>
		</ModalBackdrop>
	)
}
