import type { Editor } from 'tldraw'
import { CheckinPanel } from '../checkin/CheckinPanel'
import { ExportMenu } from '../export/ExportMenu'
import { FacilitatePanel } from '../facilitate/FacilitatePanel'
import { OutlinePanel } from '../outline/OutlinePanel'
import { OwnershipPanel } from '../ownership/OwnershipPanel'
import type { RoomSession } from './RoomSession'
import type { SidebarTab } from './sidebarTab'

const tabs = [
	{ id: 'plan', label: 'Plan', Panel: OutlinePanel, editOnly: false },
	{ id: 'people', label: 'People', Panel: OwnershipPanel, editOnly: false },
	{ id: 'checkin', label: 'Check-in', Panel: CheckinPanel, editOnly: true },
	{ id: 'facilitate', label: 'Facilitate', Panel: FacilitatePanel, editOnly: true },
] as const

/**
 * The facilitator's side of the map, beside the canvas: the live plan outline, the people and
 * what they own, the monthly check-in and the workshop controls, plus the export menu. It can be
 * folded away so that the canvas gets the whole window. On a phone it is a strip of tabs under the
 * top bar and opens over the canvas, starting folded. Which tab is open is the map page's state
 * (MapEditor): the properties panel on the canvas gives way to the Plan tab's form.
 */
export function RoomSidebar({
	editor,
	session,
	open,
	choose,
}: {
	editor: Editor
	session: RoomSession
	open: SidebarTab | null
	choose: (tab: SidebarTab | null) => void
}) {
	const visible = tabs.filter((tab) => session.kind === 'edit' || !tab.editOnly)
	const current = visible.find((tab) => tab.id === open) ?? null
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
