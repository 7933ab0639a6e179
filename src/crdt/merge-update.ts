import * as Y from 'yjs'
import { assertWritable, mutate } from './mutate'
import { IMPORT } from './origins'
import { CURRENT_SCHEMA_VERSION, requiredSchemaVersion } from './schema-version'

/** Thrown when a file holds data this build cannot read: merging it would lock this device out. */
export class NewerFormatFileError extends Error {
  constructor(readonly version: number) {
    super(
      `This file holds data from a newer version of Mutual (format ${version}) that this device cannot read, ` +
        'so it was not merged. Update Mutual on this device, then try again.'
    )
    this.name = 'NewerFormatFileError'
  }
}

/**
 * The schema version the workspace would need after merging `update`, worked out on a scratch
 * copy: Yjs cannot take back a merge, and a file (made, perhaps, by someone who knows only the
 * workspace id) must never turn a workspace this device can write into one it cannot.
 */
const requiredAfterMerge = (doc: Y.Doc, update: Uint8Array): number => {
  const scratch = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(scratch, update)
    return requiredSchemaVersion(scratch)
  } finally {
    scratch.destroy()
  }
}

/**
 * Merges an update from a file into a workspace, as one import transaction. A file this build
 * could not read afterwards is refused before anything is written, `beforeMerge` included (the
 * callers' "before import" version); the write checks of `mutate` then apply, so a read-only
 * workspace is never changed by an import.
 */
export const mergeUpdate = (doc: Y.Doc, update: Uint8Array, beforeMerge: () => void = () => {}): void => {
  assertWritable(doc)
  const required = requiredAfterMerge(doc, update)
  if (required > CURRENT_SCHEMA_VERSION) throw new NewerFormatFileError(required)
  beforeMerge()
  mutate(doc, () => Y.applyUpdate(doc, update, IMPORT), IMPORT)
}
