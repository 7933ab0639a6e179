import type * as Y from 'yjs'
import { LOCAL_EDIT, type MutationOrigin } from './origins'
import { readOnlyReason, ReadOnlyDocumentError } from './read-only'
import { CURRENT_SCHEMA_VERSION, requiredSchemaVersion, ReadOnlyWorkspaceError } from './schema-version'

/**
 * The one way `crdt/` writes: a single transaction with a named origin. It refuses outright on
 * a document holding data in a newer format (so an older app can never corrupt it) and on one that
 * was opened read-only (e.g. storage that could only be partly read).
 */
export const mutate = <T>(doc: Y.Doc, fn: () => T, origin: MutationOrigin = LOCAL_EDIT): T => {
  assertWritable(doc)
  let result: T | undefined
  doc.transact(() => {
    result = fn()
  }, origin)
  return result as T
}

/** Throws the reason this device may not write to `doc`, if there is one. */
export const assertWritable = (doc: Y.Doc): void => {
  const reason = readOnlyReason(doc)
  if (reason) throw new ReadOnlyDocumentError(reason)
  const version = requiredSchemaVersion(doc)
  if (version > CURRENT_SCHEMA_VERSION) throw new ReadOnlyWorkspaceError(version)
}
