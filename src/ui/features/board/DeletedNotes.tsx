import { restoreStickyNote } from '../../../crdt/board'
import { shortText, useBoard } from './board-context'
import { RestorableList } from './RestorableList'
import { t } from '../../i18n/t'

/** Deleted notes stay on the board, folded away, and can be put back where they were. */
export const DeletedNotes = () => {
  const board = useBoard()
  return (
    <RestorableList
      title={t('board.deletedNotes')}
      class="deleted-notes"
      items={board.deletedNotes()}
      canRestore={board.canEdit()}
      describe={(note) => (
        <>
          {note.text}
          <span class="muted"> {t('board.fromColumn', { column: board.columnTitle(note.columnId) })}</span>
        </>
      )}
      restoreLabel={(note) => t('board.restoreNote', { text: shortText(note.text) })}
      onRestore={(note) => {
        if (board.act(() => restoreStickyNote(board.doc, board.boardId, note.id, board.me()))) {
          board.announce(t('board.said.restoredNote', { text: shortText(note.text), column: board.columnTitle(note.columnId) }))
          board.focusNote(note.id)
        }
      }}
    />
  )
}
