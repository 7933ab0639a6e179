import type { Editor } from '@tiptap/core'

/** What a person did in a writing area before its editor existed, in order. */
type EarlyEdit = { kind: 'text'; text: string } | { kind: 'key'; key: 'Enter' | 'Backspace' | 'Delete' }

/** More than anyone types in the moment an editor takes to load; past it, input is not kept. */
export const MAX_EARLY_CHARACTERS = 10_000

export interface EarlyInput {
  /** Keeps what `event` would have written (the caller cancels it); false if it was not kept. */
  take(event: InputEvent): boolean
  /** Writes what was kept into `editor` at its caret, in order, then forgets it. */
  replay(editor: Editor): void
  readonly empty: boolean
}

const textOf = (event: InputEvent): string | null => {
  if (event.inputType === 'insertText' || event.inputType === 'insertReplacementText') return event.data ?? event.dataTransfer?.getData('text/plain') ?? null
  if (event.inputType === 'insertFromPaste' || event.inputType === 'insertFromDrop') return event.dataTransfer?.getData('text/plain') ?? null
  return null
}

const KEYS: Record<string, 'Enter' | 'Backspace' | 'Delete'> = {
  insertParagraph: 'Enter',
  insertLineBreak: 'Enter',
  deleteContentBackward: 'Backspace',
  deleteContentForward: 'Delete'
}

/**
 * Keystrokes that arrive while an editor's code is still loading (a person focuses an answer and
 * types at once). The browser must not write them into the stand-in markup (the editor redraws
 * it), so they are kept here and written through the editor once it exists, where the person's
 * caret is. A backspace right after kept text takes back its last character, as it would have.
 */
export const makeEarlyInput = (): EarlyInput => {
  const edits: EarlyEdit[] = []
  let characters = 0
  const take = (event: InputEvent): boolean => {
    const text = textOf(event)
    if (text !== null) {
      if (text === '' || characters + text.length > MAX_EARLY_CHARACTERS) return false
      characters += text.length
      const last = edits.at(-1)
      if (last?.kind === 'text') last.text += text
      else edits.push({ kind: 'text', text })
      return true
    }
    const key = KEYS[event.inputType]
    if (!key || edits.length >= MAX_EARLY_CHARACTERS) return false
    const last = edits.at(-1)
    if (key === 'Backspace' && last?.kind === 'text') {
      // Code points, not UTF-16 units: an emoji goes in one press.
      last.text = Array.from(last.text).slice(0, -1).join('')
      if (last.text === '') edits.pop()
      return true
    }
    edits.push({ kind: 'key', key })
    return true
  }
  const replay = (editor: Editor): void => {
    for (const edit of edits.splice(0)) {
      if (edit.kind === 'text') editor.view.dispatch(editor.state.tr.insertText(edit.text))
      // Through the editor's own key handling, so Enter in a list makes a new item.
      else if (!editor.commands.keyboardShortcut(edit.key) && edit.key !== 'Enter') deleteOneCharacter(editor, edit.key)
    }
    characters = 0
  }
  return {
    take,
    replay,
    get empty() {
      return edits.length === 0
    }
  }
}

/** What the browser itself does for a backspace or delete the editor's keys leave alone. */
const deleteOneCharacter = (editor: Editor, key: 'Backspace' | 'Delete'): void => {
  const { selection } = editor.state
  if (!selection.empty) {
    editor.commands.deleteSelection()
    return
  }
  const { $from } = selection
  if (key === 'Backspace' && $from.parentOffset > 0) editor.view.dispatch(editor.state.tr.delete($from.pos - 1, $from.pos))
  if (key === 'Delete' && $from.parentOffset < $from.parent.content.size) editor.view.dispatch(editor.state.tr.delete($from.pos, $from.pos + 1))
}
