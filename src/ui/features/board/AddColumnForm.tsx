import { Show, createSignal } from 'solid-js'
import { addColumn } from '../../../crdt/board-columns'
import { focusAddNote, useBoard } from './board-context'
import { InlineNameForm } from './InlineNameForm'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

/** Facilitators add columns to a board that is already running. */
export const AddColumnForm = () => {
  const board = useBoard()
  const [open, setOpen] = createSignal(false)
  let button: HTMLButtonElement | undefined
  return (
    <div class="add-column">
      <Show
        when={open()}
        fallback={
          <button ref={button} type="button" class="button small" onClick={() => setOpen(true)}>
            <span aria-hidden="true">+</span> {t('board.addColumn')}
          </button>
        }
      >
        <InlineNameForm
          label={t('board.newColumnName')}
          initial=""
          submitLabel={t('board.addColumn')}
          onSubmit={(title) => {
            const columnId = board.act(() => addColumn(board.doc, board.boardId, title, board.me()))
            setOpen(false)
            if (columnId) {
              board.announce(t('board.said.columnAdded', { title }))
              // The form is gone with its field; a keyboard user goes on to fill the new column,
              // and its button's name ("Add note to …") says where they are.
              focusAddNote(columnId)
            } else focusAfterRender(() => button)
          }}
          onCancel={() => {
            setOpen(false)
            focusAfterRender(() => button)
          }}
        />
      </Show>
    </div>
  )
}
