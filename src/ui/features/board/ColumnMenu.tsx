import { Show, createSignal } from 'solid-js'
import { moveColumn, removeColumn } from '../../../crdt/board-columns'
import { canRemoveColumn } from '../../../domain/board-columns'
import type { BoardColumn } from '../../../domain/board'
import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'
import { columnMenuId, focusColumnMenu, useBoard } from './board-context'
import { MenuButton, type MenuSection } from './MenuButton'
import { t } from '../../i18n/t'
import { columnName } from './column-name'

/**
 * A column's Actions menu for facilitators: rename, move one place left or right, and remove
 * (after a confirmation that says what goes with it; it can be restored).
 */
export const ColumnMenu = (props: { column: BoardColumn; noteCount: number; onRename: () => void }) => {
  const board = useBoard()
  const [confirming, setConfirming] = createSignal(false)
  const columns = () => board.board().columns
  const index = () => columns().findIndex((c) => c.id === props.column.id)
  const title = () => columnName(props.column)

  const move = (step: -1 | 1): void => {
    const columnId = props.column.id
    if (board.act(() => moveColumn(board.doc, board.boardId, columnId, step, board.me()))) {
      board.announce(
        t('board.said.columnMoved', {
          title: title(),
          direction: step < 0 ? 'left' : 'right',
          position: index() + 1,
          total: columns().length
        })
      )
    }
    // The column's element moved in the page, which takes focus from it: give it back.
    focusColumnMenu(columnId)
  }

  const remove = (): void => {
    const columnId = props.column.id
    const name = title()
    const count = props.noteCount
    // The column that takes its place (or the one before it, for the last column) gets focus.
    const next = columns()[index() + 1] ?? columns()[index() - 1]
    setConfirming(false)
    if (board.act(() => removeColumn(board.doc, board.boardId, columnId, board.me(), Date.now()))) {
      board.announce(
        t('board.said.columnRemovedHere', { title: name, count })
      )
      if (next) focusColumnMenu(next.id)
    } else focusColumnMenu(columnId)
  }

  const sections = (): MenuSection[] => [
    {
      items: [
        { label: t('board.renameColumn'), onSelect: props.onRename },
        { label: t('board.moveLeft'), disabled: index() <= 0, onSelect: () => move(-1) },
        { label: t('board.moveRight'), disabled: index() >= columns().length - 1, onSelect: () => move(1) }
      ]
    },
    {
      items: [
        {
          label: t('board.removeColumnMenu'),
          danger: true,
          disabled: !canRemoveColumn(columns(), props.column.id),
          onSelect: () => setConfirming(true)
        }
      ]
    }
  ]

  return (
    <>
      <MenuButton
        id={columnMenuId(props.column.id)}
        label={t('board.actions')}
        ariaLabel={t('board.actionsForColumn', { title: title() })}
        class="button small subtle column-menu"
        sections={sections}
      />
      <Dialog
        open={confirming()}
        title={t('board.removeColumnTitle', { title: title() })}
        onClose={() => {
          setConfirming(false)
          focusColumnMenu(props.column.id)
        }}
      >
        <div class="stack">
          <p>
            {props.noteCount === 0
              ? t('board.removeColumn.empty')
              : t('board.removeColumn.notes', { count: props.noteCount })}
          </p>
          <Show when={board.board().round && props.noteCount > 0}>
            <p>{t('board.removeColumn.dots')}</p>
          </Show>
          <ConfirmActions tone="danger" onConfirm={remove} onCancel={() => setConfirming(false)}>
            {t('board.removeColumn')}
          </ConfirmActions>
        </div>
      </Dialog>
    </>
  )
}
