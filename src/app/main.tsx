import { render } from 'solid-js/web'
import { AppProvider } from '../ui/app-context'
import { App } from '../ui/App'
import '../ui/styles.css'
import { followLocaleOnDocument } from '../ui/i18n/document-lang'
import { t } from '../ui/i18n/t'
import { flushWhenPageHides } from './page-lifecycle'
import { createAppServices } from './services'

import { readDeviceKeysAhead } from './profile-device-keys'
// Timing marks read by the open benchmark (tests/bench/workspace-open.bench.ts).
performance.mark('mutual:app:start')
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createAppServices()
  .then((services) => {
    performance.mark('mutual:app:services')
    readDeviceKeysAhead()
    flushWhenPageHides(services.flushAll)
    root.textContent = ''
    render(() => {
      followLocaleOnDocument(root)
      return (
        <AppProvider services={services}>
          <App />
        </AppProvider>
      )
    }, root)
  })
  .catch((error: unknown) => {
    root.innerHTML = ''
    const message = document.createElement('p')
    message.setAttribute('role', 'alert')
    message.textContent = t('startup.failed', { reason: error instanceof Error ? error.message : String(error) })
    root.append(message)
  })
