let requested = false

/**
 * Loads and prepares the editor's code once the browser is idle after a workspace opens, so
 * that opening a note or report does not wait for it. The workspace list and the workspace
 * itself never wait for it either: it is a separate chunk, fetched from the app's own cache.
 */
export const prefetchEditor = (): void => {
  if (requested || typeof requestIdleCallback === 'undefined') return
  requested = true
  requestIdleCallback(() => void import('./DocumentPage').catch(() => (requested = false)), { timeout: 15_000 })
}
