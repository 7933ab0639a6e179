/**
 * Runs `flush` when the page may be about to go away: hidden (tab switched, phone locked,
 * app backgrounded, which may be the last chance on mobile) or being unloaded.
 */
export const flushWhenPageHides = (flush: () => void): (() => void) => {
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
