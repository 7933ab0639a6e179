import { restoreStickyNote } from '../../../crdt/board'
import { shortText, useBoard } from './board-context'
import { RestorableList } from './RestorableList'

/** Deleted notes stay on the board, folded away, and can be put back where they were. */
export const DeletedNotes = () => {
  const board = useBoard()
  return (
    <RestorableList
      title="Deleted notes"
      class="deleted-notes"
      items={board.deletedNotes()}
      canRestore={board.canEdit()}
      describe={(note) => (
        <>
          {note.text}
          <span class="muted"> — from {board.columnTitle(note.columnId)}</span>
        </>
      )}
      restoreLabel={(note) => `Restore “${shortText(note.text)}”`}
      onRestore={(note) => {
        if (board.act(() => restoreStickyNote(board.doc, board.boardId, note.id, board.me()))) {
          board.announce(`Restored “${shortText(note.text)}” to ${board.columnTitle(note.columnId)}.`)
          board.focusNote(note.id)
        }
      }}
    />
  )
}
