import { createEffect, onCleanup, onMount, type JSX } from 'solid-js'
import { viewOpened } from '../../domain/view-opening'
import { headingTakesFocus } from './heading-focus-rule'

/** Whether all of an element is inside the viewport. */
const inView = (el: Element): boolean => {
  const box = el.getBoundingClientRect()
  return box.top >= 0 && box.bottom <= window.innerHeight
}

/**
 * Focuses a page's heading where it can be seen. A new page keeps the window's scroll (the
 * sidebar scrolled down to a note's link), which left the heading, and the page's top, far above
 * the screen: a page whose heading is out of view opens at its top, as a newly loaded page does.
 */
const showHeading = (heading: HTMLElement): void => {
  heading.focus({ preventScroll: true })
  if (inView(heading)) return
  window.scrollTo(0, 0)
  // Banners above a heading could still push it below the fold.
  if (!inView(heading)) heading.scrollIntoView({ block: 'start' })
}

/**
 * The page's one h1. On a change of page it takes focus, so a screen reader announces the new
 * page and keyboard users start from its top; on the page the document loads on it does not, so
 * the first Tab reaches "Skip to main content" (heading-focus-rule.ts). The document title
 * follows the heading, also when it changes later (a workspace renamed by a colleague). It never
 * pulls focus out of an open dialog.
 */
export const PageHeading = (props: { title: string; children?: JSX.Element }) => {
  let heading: HTMLHeadingElement | undefined
  createEffect(() => {
    document.title = `${props.title} — Mutual`
  })
  onMount(() => {
    // Focusing makes the browser lay the page out. Done here, while the rest of the page is
    // still being built, it laid out a large workspace twice (about 100 ms on opening one);
    // on the next frame the page is complete and that layout is the one it paints with.
    const focusedAtMount = document.activeElement
    const frame = requestAnimationFrame(() => {
      if (heading?.isConnected && headingTakesFocus(focusedAtMount)) showHeading(heading)
      // A page is drawn in one go, heading included, so once this frame is painted the page
      // has opened and the work that waited for it (domain/view-opening.ts) may run.
      opened = setTimeout(viewOpened, 0)
    })
    let opened: ReturnType<typeof setTimeout> | undefined
    onCleanup(() => {
      cancelAnimationFrame(frame)
      clearTimeout(opened)
    })
  })
  return (
    <h1 ref={heading} tabindex="-1" class="page-heading">
      {props.children ?? props.title}
    </h1>
  )
}

/**
 * Where focus goes when the element that had it has gone (the list item whose dialog just
 * deleted it): the page's heading, brought into view, so keyboard users are not dropped at the top
 * of nothing, nor sent to a heading off the screen.
 */
export const focusPageHeading = (): void => {
  const target = document.querySelector<HTMLElement>('main h1') ?? document.querySelector<HTMLElement>('main')
  if (target) showHeading(target)
}
