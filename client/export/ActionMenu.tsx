import {
	useEffect,
	useId,
	useLayoutEffect,
	useRef,
	useState,
	type KeyboardEvent,
	type RefObject,
} from 'react'

export interface MenuAction {
	id: string
	label: string
	/** A second line under the label. */
	hint?: string
	/** When set, the item is shown but cannot be chosen; this says why. */
	disabledReason?: string
	onSelect: () => void
}

export interface MenuSection {
	label: string
	actions: MenuAction[]
}

interface ActionMenuProps {
	/** The button's text (also its accessible name). */
	label: string
	sections: MenuSection[]
	/** A window event that opens the menu (after the menu that sent it has closed). */
	openOn?: string
	/** The menu's button, for callers that give the focus back to it (after a dialog). */
	buttonRef?: RefObject<HTMLButtonElement | null>
}

type Placement = { top: number; right: number } | { bottom: number; right: number }

/**
 * A menu button (WAI-ARIA menu button pattern): the button opens a menu of actions grouped in
 * labelled sections. Arrow keys, Home and End move between items, typing a letter jumps to the
 * next item starting with it, Enter or Space chooses, Escape closes and gives the focus back to
 * the button, Tab or a click outside closes. The menu opens downwards, or upwards when the
 * button sits in the lower half of the window.
 */
export function ActionMenu({ label, sections, openOn, buttonRef: givenRef }: ActionMenuProps) {
	const [open, setOpen] = useState(false)
	const [placement, setPlacement] = useState<Placement>({ top: 0, right: 0 })
	const [focusIndex, setFocusIndex] = useState(0)
	const ownRef = useRef<HTMLButtonElement>(null)
	const buttonRef = givenRef ?? ownRef
	const menuRef = useRef<HTMLDivElement>(null)
	const menuId = useId()
	const actions = sections.flatMap((section) => section.actions)

	const items = () =>
		Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])

	const openAt = (index: number) => {
		const rect = buttonRef.current?.getBoundingClientRect()
		if (rect) {
			const right = Math.max(8, window.innerWidth - rect.right)
			setPlacement(
				rect.top > window.innerHeight / 2
					? { bottom: window.innerHeight - rect.top + 4, right }
					: { top: rect.bottom + 4, right }
			)
		}
		setFocusIndex(index)
		setOpen(true)
	}
	const close = (refocus: boolean) => {
		setOpen(false)
		if (refocus) buttonRef.current?.focus()
	}

	useLayoutEffect(() => {
		if (open) items()[focusIndex]?.focus()
	}, [open, focusIndex])

	const openAtRef = useRef(openAt)
	openAtRef.current = openAt
	useEffect(() => {
		if (!openOn) return
		let timer: ReturnType<typeof setTimeout> | undefined
		// Later than the sending menu's own close, which gives the focus back to its trigger.
		const onEvent = () => {
			clearTimeout(timer)
			timer = setTimeout(() => openAtRef.current(0), 150)
		}
		window.addEventListener(openOn, onEvent)
		return () => {
			clearTimeout(timer)
			window.removeEventListener(openOn, onEvent)
		}
	}, [openOn])

	useEffect(() => {
		if (!open) return
		const onPointerDown = (e: PointerEvent) => {
			const target = e.target as Node | null
			if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return
			setOpen(false)
		}
		const onResize = () => setOpen(false)
		document.addEventListener('pointerdown', onPointerDown, true)
		window.addEventListener('resize', onResize)
		return () => {
			document.removeEventListener('pointerdown', onPointerDown, true)
			window.removeEventListener('resize', onResize)
		}
	}, [open])

	const onMenuKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
		// The canvas's shortcuts must not see keys meant for the menu.
		e.stopPropagation()
		const count = actions.length
		const current = items().indexOf(document.activeElement as HTMLElement)
		const move = (index: number) => {
			e.preventDefault()
			setFocusIndex(((index % count) + count) % count)
			items()[((index % count) + count) % count]?.focus()
		}
		if (e.key === 'ArrowDown') move(current + 1)
		else if (e.key === 'ArrowUp') move(current - 1)
		else if (e.key === 'Home') move(0)
		else if (e.key === 'End') move(count - 1)
		else if (e.key === 'Escape') {
			e.preventDefault()
			close(true)
		} else if (e.key === 'Tab') close(false)
		else if (e.key.length === 1 && /\S/.test(e.key)) {
			const letter = e.key.toLowerCase()
			for (let step = 1; step <= count; step++) {
				const index = (current + step) % count
				if (actions[index]?.label.toLowerCase().startsWith(letter)) return move(index)
			}
		}
	}

	const choose = (action: MenuAction) => {
		if (action.disabledReason) return
		close(true)
		action.onSelect()
	}

	return (
		<div className="dm-action-menu">
			<button
				ref={buttonRef}
				type="button"
				className="dm-action-menu-button"
				aria-haspopup="menu"
				aria-expanded={open}
				aria-controls={open ? menuId : undefined}
				onClick={() => (open ? close(false) : openAt(0))}
				onKeyDown={(e) => {
					if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
						e.preventDefault()
						e.stopPropagation()
						openAt(e.key === 'ArrowDown' ? 0 : actions.length - 1)
					}
				}}
			>
				{label}
				<span aria-hidden="true" className="dm-action-menu-caret">
					▾
				</span>
			</button>
			{open ? (
				<div
					ref={menuRef}
					id={menuId}
					role="menu"
					aria-label={label}
					className="dm-action-menu-popup"
					style={placement}
					onKeyDown={onMenuKeyDown}
				>
					{sections.map((section, sectionIndex) => (
						<div
							key={section.label}
							role="group"
							aria-labelledby={`${menuId}-section-${sectionIndex}`}
							className="dm-action-menu-section"
						>
							<div
								id={`${menuId}-section-${sectionIndex}`}
								role="presentation"
								className="dm-action-menu-heading"
							>
								{section.label}
							</div>
							{section.actions.map((action) => (
								<button
									key={action.id}
									type="button"
									role="menuitem"
									tabIndex={-1}
									data-action={action.id}
									className="dm-action-menu-item"
									aria-disabled={action.disabledReason ? 'true' : undefined}
									onClick={() => choose(action)}
								>
									<span className="dm-action-menu-label">{action.label}</span>
									{action.hint || action.disabledReason ? (
										<span className="dm-action-menu-hint">
											{action.disabledReason ?? action.hint}
										</span>
									) : null}
								</button>
							))}
						</div>
					))}
				</div>
			) : null}
		</div>
	)
}
