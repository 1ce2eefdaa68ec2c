/**
 * The benchmark's baseline: plain tldraw 5.4.2 with the delivery-map shape utils and the same
 * records, and nothing else (no Yjs, no IndexedDB, no relay). `?shapes=N` records are put into
 * the store when the editor mounts: the canvas benchmark's map, or with `&map=outline` the outline
 * benchmark's. With `&frame=1` the view is then placed as the app places a map opened by its link
 * (frameNewMap), so that both pages draw the same shapes: at tldraw's default camera the bare page
 * drew the few shapes near the origin while the app drew the whole framed map.
 */
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite'
import { createRoot } from 'react-dom/client'
import { Tldraw } from 'tldraw'
import 'tldraw/tldraw.css'
import '../../client/styles.css'
import { frameNewMap } from '../../client/room/frameNewMap'
import { customShapeUtils } from '../../client/shapes/customShapeUtils'
import { clientMapRecords } from '../clientMapRecords'
import { outlineMapRecords } from '../outlineMapRecords'

const params = new URLSearchParams(location.search)
const count = Number(params.get('shapes') ?? '5000')
const records = params.get('map') === 'outline' ? outlineMapRecords : clientMapRecords
const assetUrls = getAssetUrlsByImport()

createRoot(document.getElementById('root')!).render(
	<Tldraw
		shapeUtils={customShapeUtils}
		assetUrls={assetUrls}
		options={{ maxShapesPerPage: 10_000 }}
		onMount={(editor) => {
			;(window as unknown as { benchMountedAt: number }).benchMountedAt = performance.now()
			editor.store.put(records(count))
			if (params.get('frame') === '1') frameNewMap(editor, { readable: true })
			window.editor = editor
		}}
	/>
)
