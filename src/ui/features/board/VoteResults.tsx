import { For, Show } from 'solid-js'
import { useBoard } from './board-context'
import { t } from '../../i18n/t'

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
        <h2 id="vote-results-title">{t('board.voteResults')}</h2>
        <Show when={voted().length > 0} fallback={<p>{t('board.noDotsPlaced')}</p>}>
          <ol class="ranking">
            <For each={voted()}>
              {(entry) => (
                <li>
                  <span class="rank" aria-label={t('board.rank', { rank: entry.rank })}>
                    {entry.rank}
                  </span>
                  <span class="ranking-text">
                    {notes().get(entry.noteId)?.text}
                    <span class="muted"> — {board.columnTitle(notes().get(entry.noteId)?.columnId ?? '')}</span>
                  </span>
                  <span class="ranking-votes">{t('board.dots', { count: entry.votes })}</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <Show when={unvoted() > 0}>
          <p class="muted">{t('board.noDotsFor', { count: unvoted() })}</p>
        </Show>
      </section>
    </Show>
  )
}
