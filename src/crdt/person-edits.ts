import type * as Y from 'yjs'
import { LOCAL_EDIT } from './origins'

/**
 * Origins, besides LOCAL_EDIT, under which a person's own edits reach the document: the rich
 * text editor's binding writes each keystroke under its own origin (editor/y-sync-binding.ts
 * adds it when the editor's code loads). Kept here so that code deciding what counts as this
 * person's edit (the day's first version) need not load the editor.
 */
const editOrigins = new Set<unknown>()

export const countAsPersonEdit = (origin: unknown): void => {
  editOrigins.add(origin)
}

/** Whether a transaction is this person's own edit, made on this device. */
export const isPersonEdit = (transaction: Y.Transaction): boolean =>
  transaction.origin === LOCAL_EDIT || (transaction.local && editOrigins.has(transaction.origin))
