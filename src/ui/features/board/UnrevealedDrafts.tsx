import { For, createUniqueId } from 'solid-js'
import { notesLabel, useBoard } from './board-context'

/**
 * This person's notes from a brainstorm the facilitator ended without a reveal. They are on
 * this device only; the person decides whether to add them to the board or delete them.
 */
export const UnrevealedDrafts = () => {
  const board = useBoard()
  const drafts = () => board.drafts.unrevealed()
  const ids = () => drafts().map((d) => d.id)
  const titleId = createUniqueId()
  return (
    <section class="panel board-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>Your notes from the brainstorm</h2>
      <p>
        The facilitator ended the silent brainstorm without revealing the notes. Your {notesLabel(drafts().length)} are
        still only on this device.
      </p>
      <ul>
        <For each={drafts()}>{(draft) => <li>{draft.text}</li>}</For>
      </ul>
      <div class="actions">
        <button
          type="button"
          class="button small primary"
          disabled={!board.canEdit()}
          onClick={() => {
            const count = drafts().length
            board.drafts.share(ids())
            board.announce(`Added your ${notesLabel(count)} to the board.`)
          }}
        >
          Add them to the board
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => {
            board.drafts.remove(ids())
            board.announce('Deleted your notes from this device.')
          }}
        >
          Delete them
        </button>
      </div>
    </section>
  )
}
