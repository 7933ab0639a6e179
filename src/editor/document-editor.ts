import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { JsonNode, ProsemirrorMapping } from '@tiptap/y-tiptap'
import { readBodyJson } from './body-json'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { CaretBlockDrawn } from './caret-block-drawn'
import { CaretInPlace } from './caret-in-place'
import { CommentHighlights } from './comment-highlights'
import { FoundMatch } from './found-match'
import { makeCaretAwareness } from './caret-presence'
import { cleanPastedHtml } from './paste'
import { makeDocumentExtensions, type EditorShortcuts } from './extensions'
import type { AttachmentNodeOptions } from './attachment-node'
import { OthersCaretsKept } from './others-carets-kept'
import { editorAttributes } from './editor-attributes'
import { InitialDocument } from './initial-document'

// Its own file so that a stand-in drawn before the editor's code has loaded can use it.
export { editorAttributes }

/** Who this person is to others: the name and colour on their caret. */
export interface CaretUser {
  name: string
  color: string
}

export interface DocumentEditorOptions extends EditorShortcuts {
  /**
   * Where the editor goes: inside an element, or `{ mount }` to take over an element already on
   * the page as the writing area itself (it keeps its focus, role and name: static-body.ts).
   */
  element: HTMLElement | { mount: HTMLElement }
  fragment: Y.XmlFragment
  /** Accessible name of the writing area, e.g. "Report text". */
  label: string
  /**
   * Presence from the sync layer. With it, other people's carets and selections show with
   * their names; without it (offline, or no sync yet) editing works just the same.
   */
  awareness?: Awareness | null
  user: CaretUser
  onCommentActivate?: (threadId: string) => void
  /** Loading, describing and adding photos and files (attachment-node.ts). */
  attachments?: Partial<AttachmentNodeOptions>
  /**
   * False for a commenter: the text cannot be typed in, but it stays bound to the document so
   * a selection can anchor a comment (the read-only copy below has no binding to anchor to).
   */
  editable?: boolean
}

/**
 * An editor bound live to an artifact's body. Every keystroke is written to the Y.Doc by the
 * collaboration binding; edits from peers appear as they arrive. Undo and redo undo only
 * this person's own changes (the undo manager tracks only the binding's local origin).
 */
export const makeDocumentEditor = (options: DocumentEditorOptions): Editor => {
  // Filled with the first document (initial-document.ts) before the binding is made.
  const mapping: ProsemirrorMapping = new Map()
  const extensions = [
    ...makeDocumentExtensions(options, options.fragment.doc, options.attachments),
    InitialDocument.configure({ fragment: options.fragment, mapping }),
    Collaboration.configure({ fragment: options.fragment, ySyncOptions: { mapping } }),
    CaretInPlace,
    CaretBlockDrawn,
    CommentHighlights.configure({ onActivate: (id: string) => options.onCommentActivate?.(id) }),
    FoundMatch
  ]
  if (options.awareness) {
    const local = (options.awareness.getLocalState()?.user ?? {}) as Record<string, unknown>
    extensions.push(
      CollaborationCaret.configure({
        provider: { awareness: makeCaretAwareness(options.awareness) },
        // Keep any presence fields the sync layer put on `user`; add the caret's name and colour.
        user: { ...local, name: options.user.name, color: options.user.color }
      }),
      OthersCaretsKept
    )
  }
  const editable = options.editable ?? true
  return new Editor({
    element: options.element,
    extensions,
    editable,
    editorProps: {
      attributes: editorAttributes(options.label, !editable),
      transformPastedHTML: (html) => cleanPastedHtml(html)
    }
  })
}

/**
 * Gives the writing area a new accessible name (the interface's language changed). Through
 * TipTap's options, since ProseMirror sets the area's attributes again from them at every update.
 */
export const relabelEditor = (editor: Editor, label: string, readOnly: boolean): void => {
  editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: editorAttributes(label, readOnly) } })
}

/**
 * A view of a body that never writes to the document: for workspaces open read-only (a
 * newer format, or storage that could only be partly read). The live binding is not used
 * because it repairs content it does not understand by deleting it from the document.
 * Content this build cannot show is left out of the view and stays in the document.
 */
export const makeReadOnlyEditor = (options: Pick<DocumentEditorOptions, 'element' | 'fragment' | 'label' | 'attachments'>) => {
  const editor = new Editor({
    element: options.element,
    extensions: makeDocumentExtensions({}, options.fragment.doc, { watch: options.attachments?.watch ?? null, text: options.attachments?.text ?? null }),
    editable: false,
    enableContentCheck: false,
    editorProps: { attributes: editorAttributes(options.label, true) }
  })
  const render = (): void => {
    const json = readBodyJson(options.fragment)
    const schema = editor.schema
    const known = (node: JsonNode): JsonNode | null => {
      if (!schema.nodes[node.type] && node.type !== 'text') return null
      const content = node.content?.map(known).filter((n): n is JsonNode => n !== null)
      const marks = node.marks?.filter((m) => schema.marks[m.type])
      return { ...node, ...(content ? { content } : {}), ...(marks ? { marks } : {}) }
    }
    try {
      editor.commands.setContent(known(json) ?? { type: 'doc', content: [] }, { emitUpdate: false })
    } catch {
      editor.commands.setContent({ type: 'doc', content: [{ type: 'paragraph' }] }, { emitUpdate: false })
    }
  }
  render()
  const observer = (): void => render()
  options.fragment.observeDeep(observer)
  return {
    editor,
    destroy: () => {
      options.fragment.unobserveDeep(observer)
      editor.destroy()
    }
  }
}
