import { Show, createSignal } from 'solid-js'
import { addColumn } from '../../../crdt/board-columns'
import { useBoard } from './board-context'
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
            if (board.act(() => addColumn(board.doc, board.boardId, title, board.me())))
              board.announce(t('board.said.columnAdded', { title }))
            setOpen(false)
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
