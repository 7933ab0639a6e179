import type * as Y from 'yjs'
import { mutate } from '../mutate'
import { MEMBERSHIP } from '../origins'

/**
 * The membership log's place in the workspace document (docs/trust.md): a root map from entry
 * id to the signed entry's bytes. Not in ROOT (keys.ts): documents made before trust existed
 * simply have none, and adding entries is not a schema change.
 */
export const TRUST_ROOT = 'trust'

export const trustMap = (doc: Y.Doc): Y.Map<Uint8Array> => doc.getMap(TRUST_ROOT)

/** Whether the document holds any membership entry; stops at the first. */
export const hasTrustEntries = (doc: Y.Doc): boolean => {
  for (const bytes of trustMap(doc).values()) if (bytes instanceof Uint8Array) return true
  return false
}

/**
 * Adds a signed membership entry under its id. Entries are written once and never changed
 * (update-areas.ts calls anything else a rewrite, which every device refuses).
 */
export const addTrustEntry = (doc: Y.Doc, id: string, bytes: Uint8Array): void => {
  if (trustMap(doc).has(id)) return
  mutate(doc, () => trustMap(doc).set(id, bytes), MEMBERSHIP)
}

/**
 * Adds several entries in one transaction, so they travel together: a removal and its re-key
 * reach every device at once, and none of them ever sees the removal without the new key.
 */
export const addTrustEntries = (doc: Y.Doc, entries: readonly { id: string; bytes: Uint8Array }[]): void => {
  mutate(
    doc,
    () => {
      for (const { id, bytes } of entries) if (!trustMap(doc).has(id)) trustMap(doc).set(id, bytes)
    },
    MEMBERSHIP
  )
}
