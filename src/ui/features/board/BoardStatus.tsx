import { Show } from 'solid-js'
import { Alert } from '../../components/Alert'
import { useBoard } from './board-context'

/** Standing notices: a locked board, a silent brainstorm under way, anonymous mode. */
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
            Notes you add now are private to you until the facilitator reveals them all at once.
            <Show when={board.hiddenCount() > 0}>
              {' '}
              {board.hiddenCount() === 1
                ? '1 note from someone else is hidden for now.'
                : `${board.hiddenCount()} notes from others are hidden for now.`}
            </Show>
          </p>
        </Alert>
      </Show>
      <Show when={settings().anonymous}>
        <p class="board-chip">Authors’ names are hidden on this board.</p>
      </Show>
    </div>
  )
}
