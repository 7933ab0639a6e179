import { Show, createSignal } from 'solid-js'
import type { BrainstormDraft } from '../../../domain/brainstorm-draft'
import { focusAddNote, noteElementId, shortText, useBoard } from './board-context'
import { MenuButton, type MenuSection } from './MenuButton'
import { NoteEditor } from './NoteEditor'
import { focusAfterRender } from '../../components/focus-after-render'
import { t } from '../../i18n/t'

/**
 * One of this person's own notes in the silent brainstorm under way. It is on this device
 * only, so it can be edited or deleted here; moving, grouping and dots wait for the reveal.
 */
export const DraftNoteCard = (props: { draft: BrainstormDraft }) => {
  const board = useBoard()
  const [editing, setEditing] = createSignal(false)
  const [colour, setColour] = createSignal(props.draft.colour)
  const label = () => shortText(props.draft.text)
  const focusMenu = () =>
    focusAfterRender(() => document.getElementById(noteElementId(props.draft.id))?.querySelector<HTMLElement>('[data-note-focus]'))

  const sections = (): MenuSection[] => [
    {
      items: [
        {
          label: t('board.editNote'),
          onSelect: () => {
            setColour(props.draft.colour)
            setEditing(true)
          }
        }
      ]
    },
    {
      items: [
        {
          label: t('board.deleteNote'),
          danger: true,
          onSelect: () => {
            const columnId = props.draft.columnId
            board.drafts.remove([props.draft.id])
            board.announce(t('board.said.deletedDraft', { text: label() }))
            focusAddNote(columnId)
          }
        }
      ]
    }
  ]

  return (
    <li id={noteElementId(props.draft.id)} class="sticky is-private" style={{ '--sticky': props.draft.colour }}>
      <Show
        when={editing()}
        fallback={
          <>
            <div class="sticky-top">
              <MenuButton
                label={<span aria-hidden="true">⋯</span>}
                ariaLabel={t('board.actionsForNote', { text: label() })}
                class="button small sticky-menu"
                disabled={!board.canEdit()}
                focusTarget
                sections={sections}
              />
            </div>
            <p class="sticky-text">{props.draft.text}</p>
            <div class="sticky-foot">
              <p class="sticky-author">
                {board.me().name} <span class="sticky-badge">{t('board.privateUntilReveal')}</span>
              </p>
            </div>
          </>
        }
      >
        <NoteEditor
          label={t('board.editNote')}
          initialText={props.draft.text}
          colour={colour()}
          onColour={setColour}
          submitLabel={t('board.save')}
          onSubmit={(text) => {
            board.drafts.edit(props.draft.id, { text, colour: colour() })
            setEditing(false)
            board.announce(t('board.said.draftSaved'))
            focusMenu()
            return true
          }}
          onCancel={() => {
            setEditing(false)
            focusMenu()
          }}
        />
      </Show>
    </li>
  )
}
