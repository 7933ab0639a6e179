import type { ShortList } from './create-short-list'
import { focusAfterRender } from './focus-after-render'

/**
 * The switch of a short list between its first few items and all of them. The list grows
 * below the items already read and above the switch, which a long list (200 notes) pushes far
 * down the page: showing all moves focus to the first item added, where reading goes on, and
 * showing fewer keeps focus on the switch, brought back into view as the list shrinks.
 */
export const ShowAllToggle = (props: {
  list: ShortList<unknown>
  /** The id of the list it lengthens; its items are its children (rows, list items). */
  controls: string
  /** What it says while the list is short: "Show all 40 notes". */
  more: string
  /** What it says while the list is whole: "Show the 25 most recent notes". */
  fewer: string
  class?: string
}) => {
  let button: HTMLButtonElement | undefined
  const firstAdded = (): HTMLElement | null | undefined =>
    document
      .getElementById(props.controls)
      ?.children[props.list.limit]?.querySelector<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex]')
  return (
    <button
      ref={button}
      type="button"
      class={`link-button show-all-toggle ${props.class ?? ''}`}
      aria-controls={props.controls}
      aria-expanded={props.list.showingAll()}
      onClick={() => {
        const showingAll = !props.list.showingAll()
        props.list.toggle()
        if (showingAll) focusAfterRender(firstAdded)
        else requestAnimationFrame(() => button?.scrollIntoView({ block: 'nearest' }))
      }}
    >
      {props.list.showingAll() ? props.fewer : props.more}
    </button>
  )
}
