import {
	atom,
	computed,
	createTLStore,
	defaultBindingUtils,
	react,
	type Atom,
	type Editor,
	type TLStore,
} from 'tldraw'
import * as Y from 'yjs'
import { BindingsByShape } from '../editor/BindingsByShape'
import { ShapeLayout } from '../editor/ShapeLayout'
import { mapShapeUtils } from '../shapes/customShapeUtils'
import { bindPresence } from '../sync/bindPresence'
import { deviceKeyOf, DocPersister, type DeviceLoadResult } from '../sync/persistDoc'
import { RoomConnection } from '../sync/RoomConnection'
import { wireUndo } from '../sync/wireUndo'
import { YStoreBinding } from '../sync/YStoreBinding'

export type RoomKind = 'edit' | 'view'

/**
 * Everything one open map needs, in the local-first order: the Y.Doc is filled from this device's
 * IndexedDB copy first, the tldraw store is filled from the doc, the editor mounts, and only then
 * does the network connect and merge whatever happened elsewhere.
 */
export class RoomSession {
	readonly doc = new Y.Doc()
	readonly store: TLStore
	readonly binding: YStoreBinding
	readonly deviceLoad: Atom<DeviceLoadResult | null> = atom('device load', null)
	private readonly online = atom<'online' | 'offline'>('collaboration status', 'offline')
	private readonly persister: DocPersister
	private connectionAtom = atom<RoomConnection | null>('connection', null)
	private disposers: Array<() => void> = []

	private constructor(
		readonly kind: RoomKind,
		readonly roomId: string
	) {
		const mode = computed<'readonly' | 'readwrite'>('collaboration mode', () =>
			this.binding.canWrite() ? 'readwrite' : 'readonly'
		)
		this.store = createTLStore({
			shapeUtils: mapShapeUtils,
			bindingUtils: defaultBindingUtils,
			collaboration: { status: this.online, mode },
		})
		// Before any record is loaded: arrows then depend on their own bindings, and the canvas's
		// list of shapes on the map's make-up, not on where cards are (see patchEditor).
		BindingsByShape.track(this.store)
		ShapeLayout.track(this.store)
		this.binding = new YStoreBinding(this.store, this.doc, { canWrite: kind === 'edit' })
		this.persister = new DocPersister(deviceKeyOf(kind, roomId), this.doc)
	}

	/** Opens a room from this device's storage. The network is connected by `attachEditor`. */
	static async open(kind: RoomKind, roomId: string): Promise<RoomSession> {
		const session = new RoomSession(kind, roomId)
		session.deviceLoad.set(await session.persister.load())
		session.binding.loadFromDoc()
		return session
	}

	get connection(): RoomConnection | null {
		return this.connectionAtom.get()
	}

	/** Called from the editor's onMount: starts syncing, undo, presence and the network. */
	attachEditor(editor: Editor): () => void {
		this.binding.start()
		const connection = this.connection ?? new RoomConnection(this.roomId, this.doc, this.kind)
		this.connectionAtom.set(connection)
		const stopStatus = react('collaboration status', () =>
			this.online.set(connection.state.get() === 'connected' ? 'online' : 'offline')
		)
		const detachUndo = this.kind === 'edit' ? wireUndo(editor, this.binding) : () => undefined
		const detachPresence = bindPresence(editor, connection.awareness)
		const detach = () => {
			stopStatus()
			detachUndo()
			detachPresence()
		}
		this.disposers.push(detach)
		return detach
	}

	async close() {
		for (const dispose of this.disposers.splice(0)) dispose()
		this.binding.dispose()
		this.connection?.destroy()
		await this.persister.destroy()
		this.doc.destroy()
	}
}
