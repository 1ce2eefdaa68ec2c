/** A closed padlock, in the text colour. */
export function PadlockIcon() {
	return (
		<svg width="12" height="14" viewBox="0 0 12 14" focusable="false">
			<path
				d="M3 6V4a3 3 0 0 1 6 0v2"
				fill="none"
				stroke="currentColor"
				strokeWidth="1.6"
				strokeLinecap="round"
			/>
			<rect x="1" y="6" width="10" height="7.5" rx="1.5" fill="currentColor" />
		</svg>
	)
}
