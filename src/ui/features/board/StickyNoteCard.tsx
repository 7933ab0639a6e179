import { Show, createEffect, createSignal, on } from 'solid-js'
import {
  createCluster,
  deleteStickyNote,
  editStickyNote,
  moveStickyNote,
  setNoteCluster
} from '../../../crdt/board'
import type { StickyNote } from '../../../domain/board'
import { focusAddNote, noteElementId, shortText, useBoard } from './board-context'
import { MenuButton, type MenuSection } from './MenuButton'
import { NoteEditor } from './NoteEditor'
import { startPointerDrag, type DropTarget } from './pointer-drag'
import { NoteVotes } from './NoteVotes'
import { t } from '../../i18n/t'
import { columnName } from './column-name'

const INTERACTIVE = 'button, input, textarea, select, a, label, [role="menu"]'

/** One sticky note: its text, author, dots, and everything a person can do with it. */
export const StickyNoteCard = (props: { note: StickyNote }) => {
  const board = useBoard()
  const [colour, setColour] = createSignal(props.note.colour)
  const note = () => props.note
  const label = () => shortText(note().text)
  const isPrivate = () =>
    note().privateIn !== null && note().privateIn === board.board().settings.activeBrainstormId
  const columns = () => board.board().columns
  createEffect(
    on(
      () => board.editing() === props.note.id,
      (isEditing) => isEditing && setColour(props.note.colour)
    )
  )

  const moveTo = (columnId: string): void => {
    const title = board.columnTitle(columnId)
    if (board.act(() => moveStickyNote(board.doc, board.boardId, note().id, columnId, board.me(), Date.now()))) {
      board.announce(t('board.said.movedNote', { text: label(), column: title }))
      board.focusNote(note().id)
    }
  }

  const moveBy = (step: number): void => {
    const index = columns().findIndex((c) => c.id === note().columnId)
    const next = columns()[index + step]
    if (next) moveTo(next.id)
    else board.announce(step < 0 ? t('board.said.firstColumn') : t('board.said.lastColumn'))
  }

  const joinCluster = (clusterId: string | null): void => {
    const cluster = board.board().clusters.find((c) => c.id === clusterId)
    if (board.act(() => setNoteCluster(board.doc, board.boardId, note().id, clusterId, board.me()))) {
      board.announce(
        cluster ? t('board.said.joinedGroup', { text: label(), name: cluster.label }) : t('board.said.leftGroup', { text: label() })
      )
      board.focusNote(note().id)
    }
  }

  const newGroup = (): void => {
    const id = board.act(() =>
      createCluster(
        board.doc,
        board.boardId,
        { label: t('board.newGroup'), columnId: note().columnId, noteIds: [note().id] },
        board.me()
      )
    )
    if (id) {
      board.announce(t('board.said.newGroupWith', { text: label() }))
      board.setRenamingCluster(id)
    }
  }

  const remove = (): void => {
    const columnId = note().columnId
    if (board.act(() => deleteStickyNote(board.doc, board.boardId, note().id, board.me(), Date.now()))) {
      board.announce(t('board.said.deletedNote', { text: label() }))
      focusAddNote(columnId)
    }
  }

  const drop = (target: DropTarget): void => {
    if (target.kind === 'cluster') {
      if (target.id !== note().clusterId) joinCluster(target.id)
    } else if (target.id !== note().columnId) moveTo(target.id)
    else if (note().clusterId) joinCluster(null)
  }

  const sections = (): MenuSection[] => {
    const otherColumns = columns().filter((c) => c.id !== note().columnId)
    const otherClusters = board.board().clusters.filter((c) => c.id !== note().clusterId)
    const result: MenuSection[] = [{ items: [{ label: t('board.editNote'), onSelect: () => board.setEditing(note().id) }] }]
    if (otherColumns.length > 0)
      result.push({
        heading: t('board.moveTo'),
        items: otherColumns.map((c) => ({ label: t('board.moveToColumn', { column: columnName(c) }), onSelect: () => moveTo(c.id) }))
      })
    result.push({
      heading: t('board.group'),
      items: [
        ...otherClusters.map((c) => ({
          label:
            c.columnId === note().columnId
              ? t('board.addToGroup', { name: c.label })
              : t('board.addToGroupElsewhere', { name: c.label, column: board.columnTitle(c.columnId) }),
          onSelect: () => joinCluster(c.id)
        })),
        ...(note().clusterId ? [{ label: t('board.takeOutOfGroup'), onSelect: () => joinCluster(null) }] : []),
        { label: t('board.newGroupWithNote'), onSelect: newGroup }
      ]
    })
    result.push({ items: [{ label: t('board.deleteNote'), danger: true, onSelect: remove }] })
    return result
  }

  let card: HTMLLIElement | undefined
  return (
    <li
      ref={card}
      id={noteElementId(note().id)}
      class="sticky"
      classList={{ 'is-private': isPrivate(), 'is-editable': board.canEdit() }}
      style={{ '--sticky': note().colour }}
      onKeyDown={(event) => {
        if (!event.shiftKey || !board.canEdit() || event.altKey || event.ctrlKey || event.metaKey) return
        if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
          event.preventDefault()
          moveBy(event.key === 'ArrowLeft' ? -1 : 1)
        }
      }}
      onPointerDown={(event) => {
        if (!board.canEdit() || board.editing() === note().id || !card) return
        const target = event.target as Element
        const onGrip = target.closest('.sticky-grip') !== null
        if (!onGrip && (event.pointerType !== 'mouse' || target.closest(INTERACTIVE))) return
        startPointerDrag(event, card, drop)
      }}
    >
      <Show
        when={board.editing() === note().id}
        fallback={
          <>
            <div class="sticky-top">
              <Show when={board.canEdit()}>
                <span class="sticky-grip" aria-hidden="true" title={t('board.dragToMove')}>
                  ⠿
                </span>
              </Show>
              {/* "⋯" for the eye, to leave the note's text the width of the card; the name says it all. */}
              <MenuButton
                label={<span aria-hidden="true">⋯</span>}
                ariaLabel={t('board.actionsForNote', { text: label() })}
                keyShortcuts="Shift+ArrowLeft Shift+ArrowRight"
                class="button small sticky-menu"
                disabled={!board.canEdit()}
                focusTarget
                sections={sections}
              />
            </div>
            <p class="sticky-text">{note().text}</p>
            <div class="sticky-foot">
              <p class="sticky-author">
                {board.authorLabel(note())}
                <Show when={isPrivate()}>
                  {' '}
                  <span class="sticky-badge">{t('board.privateUntilReveal')}</span>
                </Show>
              </p>
              <NoteVotes note={note()} label={label()} />
            </div>
          </>
        }
      >
        <NoteEditor
          label={t('board.editNote')}
          initialText={note().text}
          colour={colour()}
          onColour={setColour}
          submitLabel={t('board.save')}
          onSubmit={(text) => {
            const saved = board.act(() =>
              editStickyNote(board.doc, board.boardId, note().id, { text, colour: colour() }, board.me())
            )
            if (saved) {
              board.setEditing(null)
              board.announce(t('board.said.noteSaved'))
              board.focusNote(note().id)
            }
            return Boolean(saved)
          }}
          onCancel={() => {
            board.setEditing(null)
            board.focusNote(note().id)
          }}
        />
      </Show>
    </li>
  )
}
