import * as Y from 'yjs'
import { mutate } from './mutate'
import { IMPORT } from './origins'

/**
 * Merges an update from a file into a workspace, as one import transaction. The write checks
 * of `mutate` apply, so a read-only workspace is never changed by an import.
 */
export const mergeUpdate = (doc: Y.Doc, update: Uint8Array): void =>
  mutate(doc, () => Y.applyUpdate(doc, update, IMPORT), IMPORT)
