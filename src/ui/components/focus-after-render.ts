/**
 * Moves focus to an element once the page has re-rendered (on the next frame): after a note
 * moves column, a form closes or a list item goes away, the element that had focus is gone and
 * the one to focus may not exist yet.
 *
 * On a busy device that frame can come late. If by then the person has pressed a key or a
 * pointer and put focus somewhere else (tabbed on, clicked another note, opened another menu),
 * they keep it: taking it back would send their next key to the wrong thing. Focus that only
 * fell to the page, or that the app moved meanwhile (a closing dialog's fallback), is moved.
 */
export const focusAfterRender = (find: () => HTMLElement | null | undefined): void => {
  const focusedBefore = document.activeElement
  let personActed = false
  const noteInput = (): void => {
    personActed = true
  }
  // Capture on window: the page's own handlers may stop the event before it bubbles.
  window.addEventListener('keydown', noteInput, true)
  window.addEventListener('pointerdown', noteInput, true)
  requestAnimationFrame(() => {
    window.removeEventListener('keydown', noteInput, true)
    window.removeEventListener('pointerdown', noteInput, true)
    const focusedNow = document.activeElement
    const movedOn =
      personActed &&
      focusedNow !== null &&
      focusedNow !== focusedBefore &&
      focusedNow !== document.body &&
      focusedNow.isConnected
    if (!movedOn) find()?.focus()
  })
}
