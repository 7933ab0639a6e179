import { For, createUniqueId } from 'solid-js'
import { useBoard } from './board-context'
import { t } from '../../i18n/t'

/**
 * This person's notes from a brainstorm the facilitator ended without a reveal. They are on
 * this device only; the person decides whether to add them to the board or delete them.
 */
export const UnrevealedDrafts = () => {
  const board = useBoard()
  const drafts = () => board.drafts.unrevealed()
  const ids = () => drafts().map((d) => d.id)
  const titleId = createUniqueId()
  return (
    <section class="panel board-panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('board.drafts.title')}</h2>
      <p>{t('board.drafts.body', { count: drafts().length })}</p>
      <ul>
        <For each={drafts()}>{(draft) => <li>{draft.text}</li>}</For>
      </ul>
      <div class="actions">
        <button
          type="button"
          class="button small primary"
          disabled={!board.canEdit()}
          onClick={() => {
            const count = drafts().length
            board.drafts.share(ids())
            board.announce(t('board.said.draftsAdded', { count }))
          }}
        >
          {t('board.drafts.add')}
        </button>
        <button
          type="button"
          class="button small"
          onClick={() => {
            board.drafts.remove(ids())
            board.announce(t('board.said.draftsDeleted'))
          }}
        >
          {t('board.drafts.delete')}
        </button>
      </div>
    </section>
  )
}
