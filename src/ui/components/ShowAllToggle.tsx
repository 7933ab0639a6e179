import type { ShortList } from './create-short-list'

/** The "Show all N …" / "Show the N most recent …" switch of a short list. */
export const ShowAllToggle = (props: {
  list: ShortList<unknown>
  /** The id of the list it lengthens. */
  controls: string
  total: number
  limit: number
  /** Plural noun, lower case: "notes", "versions". */
  many: string
  class?: string
}) => (
  <button
    type="button"
    class={`link-button show-all-toggle ${props.class ?? ''}`}
    aria-controls={props.controls}
    aria-expanded={props.list.showingAll()}
    onClick={() => props.list.toggle()}
  >
    {props.list.showingAll() ? `Show the ${props.limit} most recent ${props.many}` : `Show all ${props.total} ${props.many}`}
  </button>
)
