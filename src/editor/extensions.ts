import type { AnyExtension } from '@tiptap/core'
import { Extension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { SectionHeading } from './heading'
import { SectionIds } from './section-ids'
import { safeHref } from './safe-url'
import { Placeholder } from './placeholder'
import { PlanCitation } from './plan-citation'
import { AttachmentNode, type AttachmentNodeOptions } from './attachment-node'
import type * as Y from 'yjs'

export interface EditorShortcuts {
  /** Mod-K: ask for a link for the selection. */
  onLinkRequest?: () => void
  /** Mod-Alt-M: start a comment on the selection. */
  onCommentRequest?: () => void
}

/**
 * The document schema and editing behaviour shared by notes and reports. StarterKit's own
 * undo history is off: collaboration brings an undo manager that undoes only this person's
 * changes. Code, code blocks and the trailing-paragraph helper are off too: the first two
 * have no place in a lab's writing, and the third would write to the shared document just
 * because someone opened it.
 */
export const makeDocumentExtensions = (
  shortcuts: EditorShortcuts = {},
  workspace: Y.Doc | null = null,
  attachments: Partial<AttachmentNodeOptions> = {}
): AnyExtension[] => [
  StarterKit.configure({
    undoRedo: false,
    heading: false,
    code: false,
    codeBlock: false,
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      isAllowedUri: (url) => safeHref(url) !== null,
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null }
    }
  }),
  SectionHeading,
  SectionIds,
  Table.configure({ resizable: false, allowTableNodeSelection: false }),
  TableRow,
  TableHeader,
  TableCell,
  // The hints in the interface language, when the interface gives its words (interface-text.ts).
  Placeholder.configure({ text: attachments.text ?? null }),
  // Citations of lab plan outcomes read the plan from the workspace the text belongs to, and
  // are written in the interface's language when the interface gives it.
  PlanCitation.configure({ doc: workspace, text: attachments.text ?? null }),
  // Photos and files: the document keeps a reference, the bytes come from this device or a peer.
  AttachmentNode.configure(attachments),
  Extension.create({
    name: 'mutualShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        shortcuts.onLinkRequest?.()
        return Boolean(shortcuts.onLinkRequest)
      },
      'Mod-Alt-m': () => {
        shortcuts.onCommentRequest?.()
        return Boolean(shortcuts.onCommentRequest)
      }
    })
  })
]
