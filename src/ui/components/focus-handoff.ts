import { focusAfterRender } from './focus-after-render'

/**
 * Focus for a panel whose controls are replaced by what they do ("Start a dot vote" becomes
 * the vote's form, "Open voting" becomes "Close voting"): without a hand-off, focus falls to
 * the page and a keyboard or screen-reader user starts again from the top.
 *
 * `pass()` is called by a control as it acts; the next element that `take`s (its ref, as it
 * renders) gets focus. Only a person's own action here passes focus: the same change arriving
 * from another device re-renders the panel without taking focus from wherever it is.
 */
export const makeFocusHandoff = (): { pass: () => void; take: (el: HTMLElement) => void } => {
  let passed = false
  return {
    pass: () => {
      passed = true
      // A hand-off nobody takes (the action changed nothing) must not wait for a later render.
      requestAnimationFrame(() => {
        passed = false
      })
    },
    take: (el) => {
      if (!passed) return
      passed = false
      focusAfterRender(() => el)
    }
  }
}
