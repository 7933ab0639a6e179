import { Show, createSignal, createUniqueId } from 'solid-js'
import { createWorkshopNote } from '../../../crdt/board-evidence'
import { makeWorkshopEvidence } from '../../../domain/board-evidence'
import { Alert } from '../../components/Alert'
import { href } from '../../router'
import { useBoard } from './board-context'
import { focusAfterRender } from '../../components/focus-after-render'
import { currentTranslator, t } from '../../i18n/t'
import { locale } from '../../i18n/current-locale'

/** "Workshop to evidence": one click turns the board's result into a citable workshop note. */
export const WorkshopEvidence = (props: { title: string }) => {
  const board = useBoard()
  const id = createUniqueId()
  const [created, setCreated] = createSignal<{ id: string; title: string } | null>(null)
  let result: HTMLDivElement | undefined

  const create = (): void => {
    const evidence = makeWorkshopEvidence({
      boardTitle: props.title,
      board: board.board(),
      viewerId: board.me().memberId,
      now: Date.now(),
      // Everyone with the board open counts, with this person, even if they wrote nothing.
      presentCount: board.peopleOnBoard().length + 1,
      locale: locale(),
      tr: currentTranslator()
    })
    const noteId = board.act(() =>
      createWorkshopNote(board.doc, evidence, { name: board.me().name, organisation: board.me().organisation }, Date.now())
    )
    if (noteId) {
      setCreated({ id: noteId, title: evidence.title })
      focusAfterRender(() => result?.querySelector('a'))
    }
  }

  return (
    <section class="panel evidence-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('board.evidence.title')}</h2>
      <p>{t('board.evidence.body')}</p>
      <Show when={board.board().settings.activeBrainstormId}>
        <p class="muted">{t('board.evidence.privateLeftOut')}</p>
      </Show>
      <button type="button" class="button primary" onClick={create}>
        {t('board.evidence.create')}
      </button>
      <Show when={created()}>
        {(note) => (
          <div ref={result}>
            <Alert tone="success" title={t('board.evidence.created')}>
              <p>
                <a href={href.artifact(board.workspaceId, note().id)}>{t('board.evidence.open', { title: note().title })}</a>
              </p>
            </Alert>
          </div>
        )}
      </Show>
    </section>
  )
}
