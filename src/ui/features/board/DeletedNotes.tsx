import { For, Show } from 'solid-js'
import { restoreStickyNote } from '../../../crdt/board'
import { shortText, useBoard } from './board-context'

/** Deleted notes stay on the board, folded away, and can be put back where they were. */
export const DeletedNotes = () => {
  const board = useBoard()
  return (
    <Show when={board.deletedNotes().length > 0}>
      <details class="panel deleted-notes">
        <summary>
          <h2>Deleted notes ({board.deletedNotes().length})</h2>
        </summary>
        <ul class="deleted-list">
          <For each={board.deletedNotes()}>
            {(note) => (
              <li>
                <span class="deleted-text">
                  {note.text}
                  <span class="muted"> — from {board.columnTitle(note.columnId)}</span>
                </span>
                <Show when={board.canEdit()}>
                  <button
                    type="button"
                    class="button small"
                    aria-label={`Restore “${shortText(note.text)}”`}
                    onClick={() => {
                      if (board.act(() => restoreStickyNote(board.doc, board.boardId, note.id, board.me()))) {
                        board.announce(`Restored “${shortText(note.text)}” to ${board.columnTitle(note.columnId)}.`)
                        board.focusNote(note.id)
                      }
                    }}
                  >
                    Restore
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </details>
    </Show>
  )
}
