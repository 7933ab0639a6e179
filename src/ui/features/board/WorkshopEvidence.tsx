import { Show, createSignal, createUniqueId } from 'solid-js'
import { createWorkshopNote } from '../../../crdt/board-evidence'
import { makeWorkshopEvidence } from '../../../domain/board-evidence'
import { Alert } from '../../components/Alert'
import { href } from '../../router'
import { useBoard } from './board-context'
import { focusAfterRender } from '../../components/focus-after-render'

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
      presentCount: board.peopleOnBoard().length + 1
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
      <h2 id={`${id}-title`}>Workshop to evidence</h2>
      <p>
        Write up this board as an action-research note of type “workshop”: the date, how many took part, every column
        with its groups and notes, and the ranked vote once it is revealed. You can then cite it in the report.
      </p>
      <Show when={board.board().settings.activeBrainstormId}>
        <p class="muted">Notes still private in the silent brainstorm are not included until they are revealed.</p>
      </Show>
      <button type="button" class="button primary" onClick={create}>
        Create workshop note
      </button>
      <Show when={created()}>
        {(note) => (
          <div ref={result}>
            <Alert tone="success" title="Workshop note created">
              <p>
                <a href={href.artifact(board.workspaceId, note().id)}>Open “{note().title}”</a>
              </p>
            </Alert>
          </div>
        )}
      </Show>
    </section>
  )
}
