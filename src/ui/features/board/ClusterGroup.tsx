import { For, Show } from 'solid-js'
import { removeCluster, renameCluster } from '../../../crdt/board'
import type { Cluster } from '../../../domain/board'
import { useBoard } from './board-context'
import { InlineNameForm } from './InlineNameForm'
import { MenuButton } from './MenuButton'
import { StickyNoteCard } from './StickyNoteCard'
import { focusAfterRender } from '../../components/focus-after-render'

/** A labelled group of notes inside a column; notes join it from their menu or by dragging. */
export const ClusterGroup = (props: { cluster: Cluster }) => {
  const board = useBoard()
  const headingId = () => `cluster-${props.cluster.id}`
  const notes = () => board.visibleNotes().filter((n) => n.clusterId === props.cluster.id)
  const renaming = () => board.renamingCluster() === props.cluster.id
  const focusHeading = (): void => {
    focusAfterRender(() => document.getElementById(`cluster-menu-${props.cluster.id}`))
  }
  return (
    <section class="cluster" aria-labelledby={headingId()} data-drop-cluster={props.cluster.id}>
      <div class="cluster-head">
        <Show
          when={renaming()}
          fallback={
            <>
              <h3 id={headingId()}>{props.cluster.label}</h3>
              <span class="count muted">{notes().length}</span>
              <Show when={board.canEdit()}>
                <MenuButton
                  id={`cluster-menu-${props.cluster.id}`}
                  label="Group…"
                  ariaLabel={`Actions for group ${props.cluster.label}`}
                  class="button small subtle"
                  sections={() => [
                    {
                      items: [
                        { label: 'Rename group', onSelect: () => board.setRenamingCluster(props.cluster.id) },
                        {
                          label: 'Ungroup (keep the notes)',
                          onSelect: () => {
                            const label = props.cluster.label
                            board.act(() => removeCluster(board.doc, board.boardId, props.cluster.id, board.me()))
                            board.announce(`Ungrouped ${label}. Its notes stay in the column.`)
                          }
                        }
                      ]
                    }
                  ]}
                />
              </Show>
            </>
          }
        >
          <h3 id={headingId()} class="visually-hidden">
            {props.cluster.label}
          </h3>
          <InlineNameForm
            label="Group name"
            initial={props.cluster.label}
            submitLabel="Save"
            onSubmit={(label) => {
              board.act(() => renameCluster(board.doc, board.boardId, props.cluster.id, label, board.me()))
              board.setRenamingCluster(null)
              board.announce(`Group named ${label}.`)
              focusHeading()
            }}
            onCancel={() => {
              board.setRenamingCluster(null)
              focusHeading()
            }}
          />
        </Show>
      </div>
      <Show when={notes().length > 0} fallback={<p class="column-empty">Empty group: drag notes here, or use a note’s Actions menu.</p>}>
        <ul class="note-list" aria-label={`Notes in group ${props.cluster.label}`}>
          <For each={notes()}>{(note) => <StickyNoteCard note={note} />}</For>
        </ul>
      </Show>
    </section>
  )
}
