import type { Editor } from '@tiptap/core'
import { isChangeOrigin } from '@tiptap/extension-collaboration'
import { createEffect, createSignal, onCleanup, type Accessor } from 'solid-js'
import type * as Y from 'yjs'
import { markArtifactEdited } from '../../../crdt/artifacts'
import { readCommentAnchors } from '../../../crdt/comments'
import type { Actor } from '../../../domain/artifact'
import type { CommentThread } from '../../../domain/comment'
import type { ArtifactId } from '../../../domain/ids'
import type { OutlineEntry } from '../../../domain/report'
import { commentRanges, setCommentHighlights } from '../../../editor/comment-highlights'
import { countDocumentWords, readOutline } from '../../../editor/outline'
import { foundMatchElement, showFoundMatch } from '../../../editor/found-match'
import { scrollIntoViewSettled } from '../../components/scroll-into-view-settled'
import { toolbarStateKey } from '../../../editor/toolbar-state'

/** How often, at most, "last edited" is written while someone types. */
const EDITED_EVERY_MS = 30_000
/** Outline and word count wait for a pause in typing. */
const OUTLINE_DELAY_MS = 250

export interface RevealOptions {
  /** Moves focus into the text. */
  focus?: boolean
  /** The end of the range to show: selected, or marked when `found`. */
  to?: number
  /** A search's match: marked with the caret before it, not selected (editor/found-match.ts). */
  found?: boolean
}

export interface DocumentEditing {
  editor: Accessor<Editor | null>
  setEditor: (editor: Editor | null) => void
  /** Bumps when what the toolbar shows may have changed (at most once a frame). */
  tick: Accessor<number>
  outline: Accessor<OutlineEntry[]>
  words: Accessor<number>
  /** Threads whose text is gone. */
  detached: Accessor<ReadonlySet<string>>
  activeThread: Accessor<string | null>
  setActiveThread: (id: string | null) => void
  /** Moves the caret to a position and shows it; focuses the text when asked. */
  reveal: (position: number, options?: RevealOptions) => void
  /** Moves the caret into the outline's nth heading (where it is now) and focuses the text. */
  revealHeading: (index: number) => void
  /** Shows a thread's text, if it still has some. */
  revealThread: (id: string) => void
}

/**
 * What a note or report page keeps in step with its editor: toolbar state, outline and word
 * count, comment highlights and which threads are detached, and "last edited by".
 */
export const createDocumentEditing = (input: {
  doc: Y.Doc
  artifactId: ArtifactId
  actor: Accessor<Actor | null>
  threads: Accessor<CommentThread[]>
}): DocumentEditing => {
  const [editor, setEditor] = createSignal<Editor | null>(null)
  const [tick, setTick] = createSignal(0)
  const [outline, setOutline] = createSignal<OutlineEntry[]>([])
  const [words, setWords] = createSignal(0)
  const [detached, setDetached] = createSignal<ReadonlySet<string>>(new Set())
  const [activeThread, setActiveThread] = createSignal<string | null>(null)

  let frame: number | null = null
  let afterFrame: ReturnType<typeof setTimeout> | null = null
  let toolbarKey = ''
  let outlineTimer: ReturnType<typeof setTimeout> | null = null
  let editedTimer: ReturnType<typeof setTimeout> | null = null
  let lastEdited = 0
  /** Stops keeping the last revealed place in view (a new reveal, or the page closing). */
  let stopKeepingInView = (): void => undefined

  const refreshOutline = (e: Editor): void => {
    outlineTimer = null
    if (e.isDestroyed) return
    const next = readOutline(e.state.doc)
    // Typing moves every heading after the caret; only a change of headings redraws the outline.
    const same = (a: OutlineEntry, b: OutlineEntry | undefined): boolean =>
      !!b && a.level === b.level && a.text === b.text && a.sectionId === b.sectionId
    const current = outline()
    if (next.length !== current.length || next.some((entry, i) => !same(entry, current[i]))) setOutline(next)
    setWords(countDocumentWords(e.state.doc))
  }

  const refreshDetached = (e: Editor): void => {
    const gone = new Set<string>()
    for (const [id, range] of commentRanges(e.state)) if (!range) gone.add(id)
    const current = detached()
    if (gone.size !== current.size || [...gone].some((id) => !current.has(id))) setDetached(gone)
  }

  const recordEdit = (): void => {
    const actor = input.actor()
    if (!actor) return
    const write = (): void => {
      editedTimer = null
      lastEdited = Date.now()
      try {
        markArtifactEdited(input.doc, input.artifactId, actor, lastEdited)
      } catch {
        // A read-only workspace: the editor is not editable there, nothing to record.
      }
    }
    if (Date.now() - lastEdited >= EDITED_EVERY_MS) write()
    else editedTimer ??= setTimeout(write, EDITED_EVERY_MS - (Date.now() - lastEdited))
  }

  createEffect(() => {
    const e = editor()
    if (!e) return
    const onTransaction = ({ transaction }: { transaction: import('@tiptap/pm/state').Transaction }): void => {
      // Once per frame, and only after that frame is painted: the typed character shows
      // first and the toolbar's pressed states catch up a moment later, so their work is never
      // on the path from a keystroke to the screen.
      frame ??= requestAnimationFrame(() => {
        afterFrame = setTimeout(() => {
          frame = null
          afterFrame = null
          if (e.isDestroyed) return
          const key = toolbarStateKey(e.state)
          if (key !== toolbarKey) {
            toolbarKey = key
            setTick((t) => t + 1)
          }
          refreshDetached(e)
        }, 0)
      })
      if (transaction.docChanged) {
        if (outlineTimer) clearTimeout(outlineTimer)
        outlineTimer = setTimeout(() => refreshOutline(e), OUTLINE_DELAY_MS)
        if (!isChangeOrigin(transaction) && e.isEditable) recordEdit()
      }
    }
    e.on('transaction', onTransaction)
    refreshOutline(e)
    onCleanup(() => {
      e.off('transaction', onTransaction)
      if (frame !== null) cancelAnimationFrame(frame)
      if (afterFrame !== null) clearTimeout(afterFrame)
      afterFrame = null
      if (outlineTimer) clearTimeout(outlineTimer)
      frame = null
      outlineTimer = null
    })
  })

  // Comment anchors and states go to the editor's highlights whenever threads change.
  createEffect(() => {
    const e = editor()
    const threads = input.threads()
    const active = activeThread()
    if (!e || e.isDestroyed) return
    const resolved = new Set(threads.filter((t) => t.resolved).map((t) => t.id))
    const anchors = readCommentAnchors(input.doc, input.artifactId)
    e.view.dispatch(setCommentHighlights(e.state.tr, { anchors, resolved, active }))
    refreshDetached(e)
  })

  onCleanup(() => {
    stopKeepingInView()
    if (editedTimer) {
      clearTimeout(editedTimer)
      // The last burst of typing still counts as an edit.
      const actor = input.actor()
      if (actor) {
        try {
          markArtifactEdited(input.doc, input.artifactId, actor, Date.now())
        } catch {
          /* read-only: nothing to record */
        }
      }
    }
  })

  const reveal = (position: number, options: RevealOptions = {}): void => {
    const e = editor()
    if (!e || e.isDestroyed) return
    const size = e.state.doc.content.size
    const from = Math.max(0, Math.min(position, size))
    const to = Math.min(options.to ?? from, size)
    if (options.found) {
      // A search's match is marked, not selected: the next key typed must not replace it.
      showFoundMatch(e, from, to)
    } else {
      e.commands.setTextSelection({ from, to })
    }
    // Without the editor's own scroll: a frame later it brought the caret only to the nearest
    // edge of the window, undoing the scroll to the middle below.
    if (options.focus) e.commands.focus(undefined, { scrollIntoView: false })
    stopKeepingInView()
    stopKeepingInView = scrollIntoViewSettled(() => {
      if (e.isDestroyed) return null
      if (options.found) return foundMatchElement(e.view.dom)
      // The selection, not `from`: it follows another person's edit made meanwhile.
      const { node } = e.view.domAtPos(e.state.selection.from)
      return node instanceof Element ? node : node.parentElement
    })
  }

  const revealHeading = (index: number): void => {
    const e = editor()
    const entry = e ? readOutline(e.state.doc)[index] : undefined
    if (entry) reveal(entry.position + 1, { focus: true })
  }

  const revealThread = (id: string): void => {
    setActiveThread(id)
    const e = editor()
    const range = e ? commentRanges(e.state).get(id) : null
    if (range) reveal(range.from, { to: range.to })
  }

  return {
    editor,
    setEditor,
    tick,
    outline,
    words,
    detached,
    activeThread,
    setActiveThread,
    reveal,
    revealHeading,
    revealThread
  }
}
