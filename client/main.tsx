import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import 'tldraw/tldraw.css'
import { App } from './App'
import { registerServiceWorker } from './pwa/registerServiceWorker'
import { defaultToSystemScheme } from './ui/defaultToSystemScheme'
import './shapes/cardColours.css'
import './styles.css'

defaultToSystemScheme()
registerServiceWorker()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
createRoot(root).render(
	<StrictMode>
		<App />
	</StrictMode>
)
