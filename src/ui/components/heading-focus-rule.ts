import { routeChangedSinceLoad } from '../router'

/** Set by a person's first press or key in this document. */
let personActed = false
if (typeof document !== 'undefined') {
  for (const act of ['pointerdown', 'keydown'] as const) {
    document.addEventListener(act, () => (personActed = true), { capture: true, once: true })
  }
}

/** True while a modal dialog is open: the page behind it must not take focus. */
const modalOpen = (): boolean => document.querySelector('dialog[open]:modal') !== null

/**
 * Whether a page's heading, just drawn, takes focus (components/PageHeading). `focusedAtMount` is
 * what had focus when the page was drawn.
 *
 * A change of page does: screen readers announce the new page, and keyboard users start from
 * its top rather than from a control that is gone. The page the document loads on does not:
 * the browser starts it from its top already, and focus on the heading put the first Tab past
 * "Skip to main content" (Tab then Enter pressed "Edit details"). On that first page the heading
 * does take focus when a person's act there replaced what they were on (saving the first-run
 * profile draws the list of workspaces, at the same address), so focus is not left on nothing.
 */
export const headingTakesFocus = (focusedAtMount: Element | null): boolean => {
  if (modalOpen()) return false
  const focused = document.activeElement
  const onNothing = focused === null || focused === document.body
  // Never take focus back from something the person moved to in the meantime (a quick Tab).
  if (!onNothing && focused !== focusedAtMount) return false
  if (routeChangedSinceLoad()) return true
  return personActed && onNothing
}
