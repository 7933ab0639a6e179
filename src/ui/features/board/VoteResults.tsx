import { For, Show } from 'solid-js'
import { useBoard } from './board-context'

/** The ranked result of a revealed vote; ties share a rank. */
export const VoteResults = () => {
  const board = useBoard()
  const revealed = () => board.board().round?.status === 'revealed'
  const notes = () => new Map(board.visibleNotes().map((n) => [n.id, n]))
  const voted = () => board.ranking().filter((r) => r.votes > 0)
  const unvoted = () => board.ranking().length - voted().length
  return (
    <Show when={revealed()}>
      <section class="panel vote-results" id="vote-results" aria-labelledby="vote-results-title" tabindex="-1">
        <h2 id="vote-results-title">Vote results</h2>
        <Show when={voted().length > 0} fallback={<p>No dots were placed in this vote.</p>}>
          <ol class="ranking">
            <For each={voted()}>
              {(entry) => (
                <li>
                  <span class="rank" aria-label={`Rank ${entry.rank}`}>
                    {entry.rank}
                  </span>
                  <span class="ranking-text">
                    {notes().get(entry.noteId)?.text}
                    <span class="muted"> — {board.columnTitle(notes().get(entry.noteId)?.columnId ?? '')}</span>
                  </span>
                  <span class="ranking-votes">
                    {entry.votes} {entry.votes === 1 ? 'dot' : 'dots'}
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={unvoted() > 0}>
          <p class="muted">
            {unvoted()} {unvoted() === 1 ? 'note' : 'notes'} received no dots.
          </p>
        </Show>
      </section>
    </Show>
  )
}
