import type * as Y from 'yjs'

/**
 * The membership log's place in the workspace document (docs/trust.md): a root map from entry
 * id to the signed entry's bytes. Not in ROOT (keys.ts): documents made before trust existed
 * simply have none, and adding entries is not a schema change.
 */
export const TRUST_ROOT = 'trust'

export const trustMap = (doc: Y.Doc): Y.Map<Uint8Array> => doc.getMap(TRUST_ROOT)
