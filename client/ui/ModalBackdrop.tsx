import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { createPortal } from 'react-dom'

interface ModalBackdropProps {
	/** A click on the dimmed area outside the dialog. */
	onClick?: () => void
	/** Escape pressed inside the dialog (leave out for a dialog that must be answered). */
	onEscape?: () => void
	children: ReactNode
}

const FOCUSABLE =
	'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [href], [tabindex="0"]'

/**
 * The dimmed layer under a dialog, over the whole window, and the dialog's keyboard behaviour:
 * the focus moves into the dialog when it opens (unless the dialog placed it already), Tab stays
 * inside it, Escape calls `onEscape`, keys never reach the canvas's shortcuts, and the focus
 * goes back where it was when the dialog closes.
 *
 * It is rendered into `document.body`: a dialog opened from inside the side panel would otherwise
 * be laid out in the panel's own layer (`will-change: transform` makes the panel the containing
 * block of fixed elements), cut off at the panel's edge instead of centred on the window.
 */
export function ModalBackdrop({ onClick, onEscape, children }: ModalBackdropProps) {
	const ref = useRef<HTMLDivElement>(null)
	useEffect(() => {
		const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
		const backdrop = ref.current
		if (backdrop && !backdrop.contains(document.activeElement)) {
			backdrop.querySelector<HTMLElement>(FOCUSABLE)?.focus()
		}
		return () => {
			if (opener?.isConnected) opener.focus()
		}
	}, [])

	const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
		e.stopPropagation()
		if (e.key === 'Escape') {
			if (onEscape) {
				e.preventDefault()
				onEscape()
			}
			return
		}
		if (e.key !== 'Tab') return
		const focusable = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE))
		const first = focusable[0]
		const last = focusable[focusable.length - 1]
		if (!first || !last) return
		if (e.shiftKey && document.activeElement === first) {
			e.preventDefault()
			last.focus()
		} else if (!e.shiftKey && document.activeElement === last) {
			e.preventDefault()
			first.focus()
		}
	}

	return createPortal(
		<div
			ref={ref}
			className="dm-modal-backdrop"
			role="presentation"
			onClick={onClick}
			onKeyDown={onKeyDown}
		>
			{children}
		</div>,
		document.body
	)
}
