import * as Y from 'yjs'

/**
 * A digest of everything the workspace holds now: its state vector and what has been deleted
 * (a deletion adds nothing to the state vector). The search index kept on this device records
 * the digest it was built at, so a visit that finds the workspace unchanged uses it as it is.
 * Not a security measure: a 53-bit hash of this device's own data, to tell "same" from "not".
 */
export const searchCoverage = (doc: Y.Doc): string => {
  const bytes = Y.encodeSnapshot(Y.snapshot(doc))
  // cyrb53: two 32-bit lanes, mixed at the end.
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number
    h1 = Math.imul(h1 ^ byte, 2654435761)
    h2 = Math.imul(h2 ^ byte, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `${bytes.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`
}
