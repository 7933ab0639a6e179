import { For, Show, createSignal } from 'solid-js'
import { addStickyNote, createCluster } from '../../../crdt/board'
import { renameColumn } from '../../../crdt/board-columns'
import { STICKY_COLOURS, type BoardColumn } from '../../../domain/board'
import { addNoteButtonId, focusColumnMenu, notesLabel, shortText, useBoard } from './board-context'
import { ClusterGroup } from './ClusterGroup'
import { ColumnMenu } from './ColumnMenu'
import { InlineNameForm } from './InlineNameForm'
import { NoteEditor } from './NoteEditor'
import { StickyNoteCard } from './StickyNoteCard'
import { DraftNoteCard } from './DraftNoteCard'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'
import { shownColumn } from './column-name'

// The colour a person last chose is kept for their next note, across columns.
const [lastColour, setLastColour] = createSignal<string>(STICKY_COLOURS[0].value)

/** One column: its groups, its loose notes, and the form to add a note. */
export const BoardColumnView = (props: { column: BoardColumn; index: number }) => {
  const board = useBoard()
  const [adding, setAdding] = createSignal(false)
  const [renaming, setRenaming] = createSignal(false)
  const [naming, setNaming] = createSignal(false)
  const headingId = () => `column-${props.column.id}`
  // A template's column, untouched, reads in the reader's language; a person's as they named it.
  const shown = () => shownColumn(props.column)
  const notes = () => board.visibleNotes().filter((n) => n.columnId === props.column.id)
  const loose = () => notes().filter((n) => n.clusterId === null)
  // This person's own notes in the brainstorm under way: on this device only, until the reveal.
  const drafts = () => board.drafts.underWay().filter((d) => d.columnId === props.column.id)
  const count = () => notes().length + drafts().length
  const clusters = () => board.clustersIn(props.column.id)
  let addButton: HTMLButtonElement | undefined

  return (
    <section class="board-column" aria-labelledby={headingId()} data-drop-column={props.column.id}>
      <header class="board-column-head">
        <Show
          when={renaming()}
          fallback={
            <>
              <div class="board-column-title">
                <h2 id={headingId()} lang={shown().lang}>
                  {shown().text}
                </h2>
                <span class="count muted">{notesLabel(count())}</span>
              </div>
              <Show when={board.isFacilitator() && board.canEdit()}>
                <ColumnMenu column={props.column} noteCount={notes().length} onRename={() => setRenaming(true)} />
              </Show>
            </>
          }
        >
          <h2 id={headingId()} class="visually-hidden" lang={shown().lang}>
            {shown().text}
          </h2>
          <InlineNameForm
            label={t('board.columnName')}
            initial={shown().text}
            submitLabel={t('board.save')}
            onSubmit={(title) => {
              board.act(() => renameColumn(board.doc, board.boardId, props.column.id, title, board.me()))
              setRenaming(false)
              focusColumnMenu(props.column.id)
            }}
            onCancel={() => {
              setRenaming(false)
              focusColumnMenu(props.column.id)
            }}
          />
        </Show>
      </header>
      <For each={clusters()}>{(cluster) => <ClusterGroup cluster={cluster} />}</For>
      <Show
        when={loose().length + drafts().length > 0}
        fallback={
          <Show when={count() === 0}>
            <p class="column-empty">{t('board.noNotesYet')}</p>
          </Show>
        }
      >
        <ul class="note-list" aria-label={t('board.notesIn', { column: shown().text })}>
          <For each={loose()}>{(note) => <StickyNoteCard note={note} />}</For>
          <For each={drafts()}>{(draft) => <DraftNoteCard draft={draft} />}</For>
        </ul>
      </Show>
      <Show when={board.canEdit()}>
        <div class="column-foot">
          <Show
            when={adding()}
            fallback={
              <div class="actions">
                <button
                  ref={addButton}
                  id={addNoteButtonId(props.column.id)}
                  type="button"
                  class="button small primary"
                  aria-label={t('board.addNoteTo', { column: shown().text })}
                  onClick={() => setAdding(true)}
                >
                  <span aria-hidden="true">+</span> {t('board.addNote')}
                </button>
                <button
                  type="button"
                  class="button small"
                  aria-label={t('board.newGroupIn', { column: shown().text })}
                  onClick={() => setNaming(true)}
                >
                  {t('board.newGroup')}
                </button>
              </div>
            }
          >
            <NoteEditor
              label={t('board.newNoteIn', { column: shown().text })}
              colour={lastColour()}
              onColour={setLastColour}
              submitLabel={t('board.addNote')}
              cancelLabel={t('board.done')}
              keepOpen
              onSubmit={(text) => {
                if (board.board().settings.activeBrainstormId) {
                  const kept = board.drafts.add({ text, colour: lastColour(), columnId: props.column.id })
                  if (kept) board.announce(t('board.said.addedPrivate', { text: shortText(text), column: shown().text }))
                  return kept
                }
                const id = board.act(() =>
                  addStickyNote(
                    board.doc,
                    board.boardId,
                    { text, colour: lastColour(), columnId: props.column.id },
                    board.me(),
                    Date.now()
                  )
                )
                if (id) board.announce(t('board.said.added', { text: shortText(text), column: shown().text }))
                return Boolean(id)
              }}
              onCancel={() => {
                setAdding(false)
                focusAfterRender(() => addButton)
              }}
            />
          </Show>
          <Show when={naming()}>
            <InlineNameForm
              label={t('board.groupName')}
              initial=""
              submitLabel={t('board.createGroup')}
              onSubmit={(label) => {
                const id = board.act(() =>
                  createCluster(board.doc, board.boardId, { label, columnId: props.column.id, noteIds: [] }, board.me())
                )
                setNaming(false)
                if (id) board.announce(t('board.said.groupMade', { name: label }))
              }}
              onCancel={() => setNaming(false)}
            />
          </Show>
        </div>
      </Show>
    </section>
  )
}
