import { Show } from 'solid-js'
import { restoreColumn } from '../../../crdt/board-columns'
import { isNoteVisibleTo } from '../../../domain/board'
import { RelativeTime } from '../../components/RelativeTime'
import { focusColumnMenu, useBoard } from './board-context'
import { RestorableList } from './RestorableList'
import { t } from '../../i18n/t'
import { columnName, shownColumn } from './column-name'

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
      title={t('board.removedColumns')}
      class="removed-columns"
      items={removed()}
      canRestore={board.isFacilitator() && board.canEdit()}
      describe={({ column, count }) => (
        <>
          <span lang={shownColumn(column).lang}>{columnName(column)}</span>
          <span class="muted">
            {' '}
            {count === 0 ? t('board.removedColumn.noNotes') : t('board.removedColumn.notes', { count })}
            <Show when={column.removedAt}>
              {(at) => (
                <>
                  {t('board.removedColumn.removed')} <RelativeTime time={at()} />
                </>
              )}
            </Show>
          </span>
        </>
      )}
      restoreLabel={({ column }) => t('board.restoreColumn', { title: columnName(column) })}
      onRestore={({ column, count }) => {
        if (board.act(() => restoreColumn(board.doc, board.boardId, column.id, board.me()))) {
          board.announce(t('board.said.restoredColumn', { title: columnName(column), count }))
          focusColumnMenu(column.id)
        }
      }}
    />
  )
}
