import type { ReactNode } from 'react'
import { createPortal } from 'react-dom'

interface ModalBackdropProps {
	onClick?: () => void
	children: ReactNode
}

/**
 * The dimmed layer under a dialog, over the whole window. It is rendered into `document.body`:
 * a dialog opened from inside the side panel would otherwise be laid out in the panel's own
 * layer (`will-change: transform` makes the panel the containing block of fixed elements), cut
 * off at the panel's edge instead of centred on the window.
 */
export function ModalBackdrop({ onClick, children }: ModalBackdropProps) {
	return createPortal(
		<div className="dm-modal-backdrop" role="presentation" onClick={onClick}>
			{children}
		</div>,
		document.body
	)
}
