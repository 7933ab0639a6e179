import { For, Show } from 'solid-js'
import { removeCluster, renameCluster } from '../../../crdt/board'
import type { Cluster } from '../../../domain/board'
import { useBoard } from './board-context'
import { InlineNameForm } from './InlineNameForm'
import { MenuButton } from './MenuButton'
import { StickyNoteCard } from './StickyNoteCard'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

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
                  label={t('board.groupMenu')}
                  ariaLabel={t('board.actionsForGroup', { name: props.cluster.label })}
                  class="button small subtle"
                  sections={() => [
                    {
                      items: [
                        { label: t('board.renameGroup'), onSelect: () => board.setRenamingCluster(props.cluster.id) },
                        {
                          label: t('board.ungroup'),
                          onSelect: () => {
                            const label = props.cluster.label
                            board.act(() => removeCluster(board.doc, board.boardId, props.cluster.id, board.me()))
                            board.announce(t('board.said.ungrouped', { name: label }))
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
            label={t('board.groupName')}
            initial={props.cluster.label}
            submitLabel={t('board.save')}
            onSubmit={(label) => {
              board.act(() => renameCluster(board.doc, board.boardId, props.cluster.id, label, board.me()))
              board.setRenamingCluster(null)
              board.announce(t('board.said.groupNamed', { name: label }))
              focusHeading()
            }}
            onCancel={() => {
              board.setRenamingCluster(null)
              focusHeading()
            }}
          />
        </Show>
      </div>
      <Show when={notes().length > 0} fallback={<p class="column-empty">{t('board.emptyGroup')}</p>}>
        <ul class="note-list" aria-label={t('board.notesInGroup', { name: props.cluster.label })}>
          <For each={notes()}>{(note) => <StickyNoteCard note={note} />}</For>
        </ul>
      </Show>
    </section>
  )
}
