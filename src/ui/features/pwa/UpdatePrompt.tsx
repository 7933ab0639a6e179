import { Show, createEffect, onCleanup } from 'solid-js'
import { useRegisterSW } from 'virtual:pwa-register/solid'
import { t } from '../../i18n/t'

/**
 * Registers the service worker that precaches the app. A new version waits until the person
 * chooses to reload, so nobody loses a half-typed sentence to an automatic refresh.
 */
export const UpdatePrompt = () => {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker
  } = useRegisterSW({ immediate: true })
  // "Ready offline" is good news, not a task: it goes by itself, and it sits in the page's
  // banner (not over the page), so it never covers work while it is shown.
  createEffect(() => {
    if (!offlineReady()) return
    const timer = setTimeout(() => setOfflineReady(false), 8000)
    onCleanup(() => clearTimeout(timer))
  })
  return (
    <div class="notices" aria-live="polite">
      <Show when={needRefresh()}>
        <div class="notice" role="status">
          <p>{t('shell.update.ready')}</p>
          <button type="button" class="button small primary" onClick={() => void updateServiceWorker(true)}>
            {t('shell.update.reload')}
          </button>
          <button type="button" class="button small" onClick={() => setNeedRefresh(false)}>
            {t('shell.update.later')}
          </button>
        </div>
      </Show>
      <Show when={offlineReady()}>
        <div class="notice" role="status">
          <p>{t('shell.offlineReady')}</p>
          <button type="button" class="button small" onClick={() => setOfflineReady(false)}>
            {t('shell.offlineReady.dismiss')}
          </button>
        </div>
      </Show>
    </div>
  )
}
