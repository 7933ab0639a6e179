import type { ShortList } from './create-short-list'

/** The switch of a short list between its first few items and all of them. */
export const ShowAllToggle = (props: {
  list: ShortList<unknown>
  /** The id of the list it lengthens. */
  controls: string
  /** What it says while the list is short: "Show all 40 notes". */
  more: string
  /** What it says while the list is whole: "Show the 25 most recent notes". */
  fewer: string
  class?: string
}) => (
  <button
    type="button"
    class={`link-button show-all-toggle ${props.class ?? ''}`}
    aria-controls={props.controls}
    aria-expanded={props.list.showingAll()}
    onClick={() => props.list.toggle()}
  >
    {props.list.showingAll() ? props.fewer : props.more}
  </button>
)
