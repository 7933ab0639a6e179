import { Show } from 'solid-js'
import { restoreColumn } from '../../../crdt/board-columns'
import { isNoteVisibleTo } from '../../../domain/board'
import { RelativeTime } from '../../components/RelativeTime'
import { focusColumnMenu, notesLabel, useBoard } from './board-context'
import { RestorableList } from './RestorableList'

/**
 * Removed columns stay on the board, folded away like deleted notes, and come back where they
 * were with their notes and groups.
 */
export const RemovedColumns = () => {
  const board = useBoard()
  const removed = () =>
    board.board().removedColumns.map(({ column, notes }) => ({
      column,
      // Counted as the column header counts them: the notes this person can see.
      count: notes.filter((n) => isNoteVisibleTo(n, board.board().settings, board.me().memberId)).length
    }))
  return (
    <RestorableList
      title="Removed columns"
      class="removed-columns"
      items={removed()}
      canRestore={board.isFacilitator() && board.canEdit()}
      describe={({ column, count }) => (
        <>
          {column.title}
          <span class="muted">
            {' '}
            — {count === 0 ? 'no notes' : notesLabel(count)}
            <Show when={column.removedAt}>
              {(at) => (
                <>
                  , removed <RelativeTime time={at()} />
                </>
              )}
            </Show>
          </span>
        </>
      )}
      restoreLabel={({ column }) => `Restore column ${column.title}`}
      onRestore={({ column, count }) => {
        if (board.act(() => restoreColumn(board.doc, board.boardId, column.id, board.me()))) {
          board.announce(`Restored the column ${column.title}${count > 0 ? ` with its ${notesLabel(count)}` : ''}.`)
          focusColumnMenu(column.id)
        }
      }}
    />
  )
}
