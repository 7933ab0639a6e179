import type * as Y from 'yjs'
import { LOCAL_EDIT, type MutationOrigin } from './origins'
import { readOnlyReason, ReadOnlyDocumentError } from './read-only'
import { CURRENT_SCHEMA_VERSION, readSchemaVersion, ReadOnlyWorkspaceError } from './schema-version'

/**
 * The one way `crdt/` writes: a single transaction with a named origin. It refuses outright on
 * a document written by a newer schema (so an older app can never corrupt it) and on one that
 * was opened read-only (e.g. storage that could only be partly read).
 */
export const mutate = <T>(doc: Y.Doc, fn: () => T, origin: MutationOrigin = LOCAL_EDIT): T => {
  const reason = readOnlyReason(doc)
  if (reason) throw new ReadOnlyDocumentError(reason)
  const version = readSchemaVersion(doc)
  if (version > CURRENT_SCHEMA_VERSION) throw new ReadOnlyWorkspaceError(version)
  let result: T | undefined
  doc.transact(() => {
    result = fn()
  }, origin)
  return result as T
}
