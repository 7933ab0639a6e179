import { Show } from 'solid-js'
import { stopWaitingForNotes } from '../../../crdt/board'
import { Alert } from '../../components/Alert'
import { useBoard } from './board-context'
import { UnrevealedDrafts } from './UnrevealedDrafts'

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
            <Alert tone="warning" title="The facilitator has locked this board">
              <p>You can read everything; changes and votes are paused until they unlock it.</p>
            </Alert>
          }
        >
          <Alert tone="info" title="Board locked">
            <p>Participants cannot change the board or vote. Facilitators still can.</p>
          </Alert>
        </Show>
      </Show>
      <Show when={settings().activeBrainstormId}>
        <Alert tone="info" title="Silent brainstorm">
          <p>
            Notes you add now are private to you: they stay on this device until the facilitator reveals them all
            at once.
            <Show when={board.hiddenCount() > 0}>
              {' '}
              {board.hiddenCount() === 1
                ? '1 note from someone else is hidden for now.'
                : `${board.hiddenCount()} notes from others are hidden for now.`}
            </Show>
          </p>
        </Alert>
      </Show>
      <Show when={board.stillToArrive() > 0}>
        <Alert tone="info" title="Some notes are still to arrive">
          <p>
            {board.stillToArrive() === 1 ? '1 revealed note is' : `${board.stillToArrive()} revealed notes are`} still on
            devices that have not opened this board since the reveal. They appear here when those devices do.
          </p>
          <Show when={board.isFacilitator() && board.canEdit()}>
            <button
              type="button"
              class="button small"
              onClick={() => {
                board.act(() => stopWaitingForNotes(board.doc, board.boardId, board.me()))
                board.announce('The board no longer waits for those notes. They still appear if those devices open it.')
              }}
            >
              Stop waiting for them
            </button>
          </Show>
        </Alert>
      </Show>
      <Show when={board.drafts.problem()}>
        {(problem) => (
          <Alert tone="error" title="Your private notes">
            <p>{problem()}</p>
          </Alert>
        )}
      </Show>
      <Show when={board.drafts.unrevealed().length > 0}>
        <UnrevealedDrafts />
      </Show>
      <Show when={settings().anonymous}>
        <p class="board-chip">Authors’ names are hidden on this board.</p>
      </Show>
    </div>
  )
}
