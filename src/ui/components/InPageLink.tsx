import type { JSX } from 'solid-js'

/**
 * A link to another part of the same page ("Skip to main content", "See the ranking"). The
 * app's own addresses live after the `#` (ui/router.ts), so following `#<id>` as a link would
 * leave the page for an address that does not exist. It moves focus to the target instead,
 * and leaves the address alone.
 */
export const InPageLink = (props: {
  target: string
  /** The id to go to when the page has no `target` (the skip link on a page without a sidebar). */
  fallback?: string
  class?: string
  ref?: (el: HTMLAnchorElement) => void
  children: JSX.Element
}) => (
  <a
    class={props.class}
    href={`#${props.target}`}
    ref={(el) => props.ref?.(el)}
    onClick={(event) => {
      event.preventDefault()
      const target = document.getElementById(props.target) ?? (props.fallback ? document.getElementById(props.fallback) : null)
      target?.focus()
      target?.scrollIntoView({ block: 'start' })
    }}
  >
    {props.children}
  </a>
)
