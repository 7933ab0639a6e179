import { Show, createSignal } from 'solid-js'
import { moveColumn, removeColumn } from '../../../crdt/board-columns'
import { canRemoveColumn } from '../../../domain/board-columns'
import type { BoardColumn } from '../../../domain/board'
import { ConfirmActions } from '../../components/ConfirmActions'
import { Dialog } from '../../components/Dialog'
import { columnMenuId, focusColumnMenu, notesLabel, useBoard } from './board-context'
import { MenuButton, type MenuSection } from './MenuButton'

/**
 * A column's Actions menu for facilitators: rename, move one place left or right, and remove
 * (after a confirmation that says what goes with it; it can be restored).
 */
export const ColumnMenu = (props: { column: BoardColumn; noteCount: number; onRename: () => void }) => {
  const board = useBoard()
  const [confirming, setConfirming] = createSignal(false)
  const columns = () => board.board().columns
  const index = () => columns().findIndex((c) => c.id === props.column.id)
  const title = () => props.column.title

  const move = (step: -1 | 1): void => {
    const columnId = props.column.id
    if (board.act(() => moveColumn(board.doc, board.boardId, columnId, step, board.me()))) {
      board.announce(
        `Moved ${title()} ${step < 0 ? 'left' : 'right'}. It is now column ${index() + 1} of ${columns().length}.`
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
        `Removed the column ${name}${count > 0 ? ` and its ${notesLabel(count)}` : ''}. You can restore it from Removed columns.`
      )
      if (next) focusColumnMenu(next.id)
    } else focusColumnMenu(columnId)
  }

  const sections = (): MenuSection[] => [
    {
      items: [
        { label: 'Rename column', onSelect: props.onRename },
        { label: 'Move left', disabled: index() <= 0, onSelect: () => move(-1) },
        { label: 'Move right', disabled: index() >= columns().length - 1, onSelect: () => move(1) }
      ]
    },
    {
      items: [
        {
          label: 'Remove column…',
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
        label="Actions"
        ariaLabel={`Actions for column ${title()}`}
        class="button small subtle column-menu"
        sections={sections}
      />
      <Dialog
        open={confirming()}
        title={`Remove the column “${title()}”?`}
        onClose={() => {
          setConfirming(false)
          focusColumnMenu(props.column.id)
        }}
      >
        <div class="stack">
          <p>
            {props.noteCount === 0
              ? 'It holds no notes.'
              : `Its ${notesLabel(props.noteCount)} and any groups in it go with it.`}{' '}
            You can put it back, with {props.noteCount === 0 ? 'its place on the board' : 'its notes'}, from Removed
            columns below the board.
          </p>
          <Show when={board.board().round && props.noteCount > 0}>
            <p>Dots on its notes stop counting in the vote until the column is restored.</p>
          </Show>
          <ConfirmActions tone="danger" onConfirm={remove} onCancel={() => setConfirming(false)}>
            Remove column
          </ConfirmActions>
        </div>
      </Dialog>
    </>
  )
}
