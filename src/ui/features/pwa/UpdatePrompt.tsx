import { Show, createEffect, onCleanup } from 'solid-js'
import { useRegisterSW } from 'virtual:pwa-register/solid'

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
          <p>A new version of Mutual is ready.</p>
          <button type="button" class="button small primary" onClick={() => void updateServiceWorker(true)}>
            Reload to update
          </button>
          <button type="button" class="button small" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      </Show>
      <Show when={offlineReady()}>
        <div class="notice" role="status">
          <p>Mutual is ready to work offline on this device.</p>
          <button type="button" class="button small" onClick={() => setOfflineReady(false)}>
            Dismiss
          </button>
        </div>
      </Show>
    </div>
  )
}
