import { Show } from 'solid-js'
import { stopWaitingForNotes } from '../../../crdt/board'
import { Alert } from '../../components/Alert'
import { useBoard } from './board-context'
import { UnrevealedDrafts } from './UnrevealedDrafts'
import { t } from '../../i18n/t'

/**
 * Standing notices: a locked board, a silent brainstorm under way, revealed notes still to
 * arrive, this person's notes from a brainstorm ended without a reveal, anonymous mode.
 */
export const BoardStatus = () => {
  const board = useBoard()
  const settings = () => board.board().settings
  return (
    <div class="board-status">
      <Show when={settings().locked}>
        <Show
          when={board.isFacilitator()}
          fallback={
            <Alert tone="warning" title={t('board.lockedByFacilitator')}>
              <p>{t('board.lockedByFacilitator.body')}</p>
            </Alert>
          }
        >
          <Alert tone="info" title={t('board.locked')}>
            <p>{t('board.locked.body')}</p>
          </Alert>
        </Show>
      </Show>
      <Show when={settings().activeBrainstormId}>
        <Alert tone="info" title={t('board.brainstorm')}>
          <p>
            {t('board.brainstorm.body')}
            <Show when={board.hiddenCount() > 0}> {t('board.brainstorm.hidden', { count: board.hiddenCount() })}</Show>
          </p>
        </Alert>
      </Show>
      <Show when={board.stillToArrive() > 0}>
        <Alert tone="info" title={t('board.stillToArrive')}>
          <p>{t('board.stillToArrive.body', { count: board.stillToArrive() })}</p>
          <Show when={board.isFacilitator() && board.canEdit()}>
            <button
              type="button"
              class="button small"
              onClick={() => {
                board.act(() => stopWaitingForNotes(board.doc, board.boardId, board.me()))
                board.announce(t('board.said.stoppedWaiting'))
              }}
            >
              {t('board.stopWaiting')}
            </button>
          </Show>
        </Alert>
      </Show>
      <Show when={board.drafts.problem()}>
        {(problem) => (
          <Alert tone="error" title={t('board.yourPrivateNotes')}>
            <p>{problem()}</p>
          </Alert>
        )}
      </Show>
      <Show when={board.drafts.unrevealed().length > 0}>
        <UnrevealedDrafts />
      </Show>
      <Show when={settings().anonymous}>
        <p class="board-chip">{t('board.namesHidden')}</p>
      </Show>
    </div>
  )
}
