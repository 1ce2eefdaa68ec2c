import { useState } from 'react'
import type { Editor } from 'tldraw'
import { CheckinPanel } from '../checkin/CheckinPanel'
import { ExportMenu } from '../export/ExportMenu'
import { FacilitatePanel } from '../facilitate/FacilitatePanel'
import { OutlinePanel } from '../outline/OutlinePanel'
import { OwnershipPanel } from '../ownership/OwnershipPanel'
import type { RoomSession } from './RoomSession'

const tabs = [
	{ id: 'plan', label: 'Plan', Panel: OutlinePanel, editOnly: false },
	{ id: 'people', label: 'People', Panel: OwnershipPanel, editOnly: false },
	{ id: 'checkin', label: 'Check-in', Panel: CheckinPanel, editOnly: true },
	{ id: 'facilitate', label: 'Facilitate', Panel: FacilitatePanel, editOnly: true },
] as const

type TabId = (typeof tabs)[number]['id']
const OPEN_KEY = 'delivery-map:sidebar'

/** Below this width the panel lies over the canvas (styles.css), so a map opens with it folded. */
const NARROW = '(max-width: 900px)'

function savedTab(): TabId | null {
	if (window.matchMedia?.(NARROW).matches) return null
	const saved = localStorage.getItem(OPEN_KEY)
	if (saved === 'closed') return null
	return tabs.some((tab) => tab.id === saved) ? (saved as TabId) : 'plan'
}

/**
 * The facilitator's side of the map, beside the canvas: the live plan outline, the people and
 * what they own, the monthly check-in and the workshop controls, plus the export menu. It can be
 * folded away so that the canvas gets the whole window. On a phone it is a strip of tabs under the
 * top bar and opens over the canvas, starting folded.
 */
export function RoomSidebar({ editor, session }: { editor: Editor; session: RoomSession }) {
	const [open, setOpen] = useState<TabId | null>(savedTab)
	const visible = tabs.filter((tab) => session.kind === 'edit' || !tab.editOnly)
	const current = visible.find((tab) => tab.id === open) ?? null
	const choose = (id: TabId | null) => {
		setOpen(id)
		localStorage.setItem(OPEN_KEY, id ?? 'closed')
	}
	return (
		<aside
			className="dm-sidebar"
			data-open={current ? 'true' : 'false'}
			aria-label="Map side panel"
		>
			<div className="dm-sidebar-bar">
				<div role="tablist" aria-label="Side panel" className="dm-sidebar-tabs">
					{visible.map((tab) => (
						<button
							key={tab.id}
							type="button"
							role="tab"
							id={`dm-tab-${tab.id}`}
							aria-selected={current?.id === tab.id}
							aria-controls={current?.id === tab.id ? `dm-tabpanel-${tab.id}` : undefined}
							className="dm-sidebar-tab"
							onClick={() => choose(current?.id === tab.id ? null : tab.id)}
						>
							{tab.label}
						</button>
					))}
				</div>
				<ExportMenu editor={editor} session={session} />
			</div>
			{current ? (
				<div
					className="dm-sidebar-body"
					role="tabpanel"
					id={`dm-tabpanel-${current.id}`}
					aria-labelledby={`dm-tab-${current.id}`}
				>
					<current.Panel editor={editor} session={session} />
				</div>
			) : null}
		</aside>
	)
}
