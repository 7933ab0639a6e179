/**
 * Runs `flush` when the page may be about to go away: hidden (tab switched, phone locked,
 * app backgrounded, which may be the last chance on mobile) or being unloaded.
 */
export type PageHideWatch = (flush: () => void) => () => void

export const flushWhenPageHides: PageHideWatch = (flush) => {
  // Outside a browser (Node tests) there is no page to hide.
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {}
  const onVisibility = (): void => {
    if (document.visibilityState === 'hidden') flush()
  }
  window.addEventListener('pagehide', flush)
  document.addEventListener('visibilitychange', onVisibility)
  return () => {
    window.removeEventListener('pagehide', flush)
    document.removeEventListener('visibilitychange', onVisibility)
  }
}
