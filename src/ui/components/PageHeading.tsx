import { onMount, type JSX } from 'solid-js'

/**
 * The page's one h1. On a route change it sets the document title and takes focus, so a
 * screen reader announces the new page and keyboard users start from its top.
 */
export const PageHeading = (props: { title: string; children?: JSX.Element }) => {
  let heading: HTMLHeadingElement | undefined
  onMount(() => {
    document.title = `${props.title} — Mutual`
    heading?.focus({ preventScroll: true })
  })
  return (
    <h1 ref={heading} tabindex="-1" class="page-heading">
      {props.children ?? props.title}
    </h1>
  )
}
