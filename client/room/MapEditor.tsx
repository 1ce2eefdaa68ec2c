import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { useMemo, useState } from 'react'
import {
	DefaultMainMenu,
	DefaultMainMenuContent,
	Tldraw,
	TldrawUiMenuGroup,
	TldrawUiMenuItem,
	type Editor,
	type TLComponents,
} from 'tldraw'
import { patchEditor } from '../editor/patchEditor'
import { LockedStageBadges } from '../facilitate/LockedStageBadges'
import { guardLockedStages } from '../facilitate/guardLockedStages'
import { applyPendingTemplate } from '../home/pendingTemplate'
import { ProblemMarkers } from '../outline/ProblemMarkers'
import { openExportMenu } from '../export/openExportMenu'
import { customShapeUtils } from '../shapes/customShapeUtils'
import { StageTool } from '../shapes/StageTool'
import { BlockerTool, EnablerTool, MilestoneTool } from '../shapes/typedShapeTools'
import { MapNameAndPages } from '../ui/MapNameAndPages'
import { MapSharePanel } from '../ui/MapSharePanel'
import { MapToolbar } from '../ui/MapToolbar'
import { MapTopPanel } from '../ui/MapTopPanel'
import { NameDialog } from '../ui/NameDialog'
import { PropertiesPanel } from '../ui/PropertiesPanel'
import { ShareDialog } from '../ui/ShareDialog'
import { saveDisplayName, savedDisplayName } from '../ui/displayName'
import { uiOverrides } from '../ui/uiOverrides'
import { RoomContext, type RoomUi } from './RoomContext'
import { followMapName } from './followMapName'
import { placeInitialView } from './placeInitialView'
import { RoomSidebar } from './RoomSidebar'
import { saveSidebarTab, savedSidebarTab, type SidebarTab } from './sidebarTab'
import type { RoomSession } from './RoomSession'

// Before any editor exists: see patchEditor.
patchEditor()

// Fonts, icons and translations are bundled and served by the app itself: no CDN requests.
const assetUrls = getAssetUrlsByImport()
const tools = [MilestoneTool, EnablerTool, BlockerTool, StageTool]
const options = { maxShapesPerPage: 10_000 }
const licenseKey: string | undefined = import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined

declare global {
	interface Window {
		/** The editor of the open map, for scripts and tests (as tldraw's own examples do). */
		editor?: Editor
	}
}

function MainMenu() {
	return (
		<DefaultMainMenu>
			<TldrawUiMenuGroup id="delivery-map">
				<TldrawUiMenuItem
					id="dm-home"
					label="All maps on this device"
					onSelect={() => location.assign('/')}
				/>
				<TldrawUiMenuItem id="dm-export" label="Export or open a file…" onSelect={openExportMenu} />
			</TldrawUiMenuGroup>
			<DefaultMainMenuContent />
		</DefaultMainMenu>
	)
}

const components: TLComponents = {
	Toolbar: MapToolbar,
	StylePanel: PropertiesPanel,
	SharePanel: MapSharePanel,
	TopPanel: MapTopPanel,
	// Drawn at the top of MapTopPanel's column instead: in their own place under the menu, tldraw's
	// "Stop following" and "Back to content" covered the workshop timer and the banners.
	HelperButtons: null,
	MainMenu,
	PageMenu: MapNameAndPages,
	OnTheCanvas: ProblemMarkers,
	InFrontOfTheCanvas: LockedStageBadges,
}

/** The canvas of one map: tldraw with the delivery-map shapes, tools and panels. */
export function MapEditor({ session }: { session: RoomSession }) {
	const [dialog, setDialog] = useState<'share' | 'name' | null>(() =>
		savedDisplayName() === null ? 'name' : null
	)
	const [editor, setEditor] = useState<Editor | null>(null)
	const [sidebarTab, setSidebarTab] = useState<SidebarTab | null>(savedSidebarTab)
	const chooseSidebarTab = (tab: SidebarTab | null) => {
		setSidebarTab(tab)
		saveSidebarTab(tab)
	}
	const room: RoomUi = useMemo(
		() => ({
			session,
			openShare: () => setDialog('share'),
			openNameDialog: () => setDialog('name'),
			sidebarTab,
		}),
		[session, sidebarTab]
	)

	const onMount = (mounted: Editor) => {
		window.editor = mounted
		setEditor(mounted)
		const name = savedDisplayName()
		if (name) mounted.user.updateUserPreferences({ name })
		const detach = session.attachEditor(mounted)
		// A template chosen on the home page for this new map: created once, into an empty map.
		const template = applyPendingTemplate(mounted, session)
		const stopView = placeInitialView(mounted, session, { placed: template.applied })
		const stopName = followMapName(mounted, session)
		const stopGuard = guardLockedStages(mounted)
		return () => {
			stopGuard()
			stopName()
			stopView()
			detach()
			if (window.editor === mounted) delete window.editor
		}
	}

	return (
		<RoomContext.Provider value={room}>
			<div className="dm-room">
				<div className="dm-canvas" data-kind={session.kind}>
					<Tldraw
						store={session.store}
						shapeUtils={customShapeUtils}
						tools={tools}
						overrides={uiOverrides}
						components={components}
						assetUrls={assetUrls}
						options={options}
						licenseKey={licenseKey}
						onMount={onMount}
					/>
				</div>
				{editor ? (
					<RoomSidebar
						editor={editor}
						session={session}
						open={sidebarTab}
						choose={chooseSidebarTab}
					/>
				) : null}
			</div>
			{dialog === 'share' ? (
				<ShareDialog editId={session.roomId} onClose={() => setDialog(null)} />
			) : null}
			{dialog === 'name' ? (
				<NameDialog
					title={
						savedDisplayName() === null
							? 'Welcome! What should others call you?'
							: 'Change your name'
					}
					initial={savedDisplayName() ?? ''}
					onCancel={savedDisplayName() === null ? undefined : () => setDialog(null)}
					onSave={(name) => {
						saveDisplayName(name)
						editor?.user.updateUserPreferences({ name })
						setDialog(null)
					}}
				/>
			) : null}
		</RoomContext.Provider>
	)
}
