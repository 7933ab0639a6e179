import type * as Y from 'yjs'

/**
 * Documents that must not be changed from this device, with the reason. `mutate` refuses to
 * write to them, so a read-only workspace stays exactly as it was loaded.
 */
const readOnlyDocs = new WeakMap<Y.Doc, string>()

export const markReadOnly = (doc: Y.Doc, reason: string): void => {
  readOnlyDocs.set(doc, reason)
}

export const readOnlyReason = (doc: Y.Doc): string | null => readOnlyDocs.get(doc) ?? null

export class ReadOnlyDocumentError extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'ReadOnlyDocumentError'
  }
}
