import type { JSX } from 'solid-js'

/**
 * A link to another part of the same page ("Skip to main content", "See the ranking"). The
 * app's own addresses live after the `#` (ui/router.ts), so following `#<id>` as a link would
 * leave the page for an address that does not exist. It moves focus to the target instead,
 * and leaves the address alone.
 */
export const InPageLink = (props: {
  target: string
  /**
   * An id to go to instead when the page has it (the workspace's content, past its sidebar). The
   * link's address stays `target`, which every page has: a link to an id that is not on the page
   * reads as broken (axe skip-link).
   */
  prefer?: string
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
      const target = (props.prefer ? document.getElementById(props.prefer) : null) ?? document.getElementById(props.target)
      target?.focus()
      target?.scrollIntoView({ block: 'start' })
    }}
  >
    {props.children}
  </a>
)
