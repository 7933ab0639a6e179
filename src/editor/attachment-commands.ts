import type { Editor } from '@tiptap/core'
import { MAX_ALT_CHARS, readAttachmentRef, type AttachmentRef } from '../domain/attachments/attachment'

/**
 * Writing attachment references into the text, through the editor (the collaboration binding
 * is the documented origin of every edit made in it, crdt/origins.ts).
 */
export const insertAttachment = (editor: Editor, ref: AttachmentRef, pos: number | null): boolean => {
  const content = { type: 'attachment', attrs: { ...ref } }
  const chain = editor.chain().focus()
  return (pos === null ? chain.insertContent(content) : chain.insertContentAt(pos, content)).run()
}

/** Sets the alt text of the attachment at `pos`; false when there is no attachment there any more. */
export const setAttachmentAlt = (editor: Editor, pos: number, alt: string): boolean => {
  const node = editor.state.doc.nodeAt(pos)
  const ref = node && node.type.name === 'attachment' ? readAttachmentRef(node.attrs) : null
  if (!ref) return false
  const text = alt.trim().slice(0, MAX_ALT_CHARS)
  return editor
    .chain()
    .command(({ tr }) => {
      tr.setNodeMarkup(pos, undefined, { ...ref, alt: text })
      return true
    })
    .run()
}

/** Where the attachment with this hash is in the text now (after others' edits), or null. */
export const findAttachment = (editor: Editor, hash: string): number | null => {
  let found: number | null = null
  editor.state.doc.descendants((node, pos) => {
    if (found !== null) return false
    if (node.type.name === 'attachment' && node.attrs.hash === hash) found = pos
    return true
  })
  return found
}
