import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { fromBase64Url, toBase64Url } from '../domain/base64url'
import { whenIdle } from '../domain/when-idle'

/**
 * What a device holds of a workspace, compactly: its state vector (how far it has each
 * writer's inserts) and how much content it has marked deleted. Yjs deletions do not move
 * the state vector, so the count is what makes "I deleted a paragraph offline" visible too.
 * Two devices with the same document have the same summary.
 */
export interface StateSummary {
  sv: Map<number, number>
  deleted: number
}

/** As kept on this device (registry): the summary another device last confirmed. */
export interface StoredSummary {
  sv: string
  deleted: number
}

export const EMPTY_SUMMARY: StateSummary = { sv: new Map(), deleted: 0 }

/** True when `ahead` has nothing that `base` lacks. */
export const covers = (base: StateSummary, ahead: StateSummary): boolean => {
  if (ahead.deleted > base.deleted) return false
  for (const [client, clock] of ahead.sv) if (clock > (base.sv.get(client) ?? 0)) return false
  return true
}

/** Yjs' own state vector encoding (clients in descending order), so equal vectors encode equally. */
const encodeStateVector = (sv: Map<number, number>): Uint8Array => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, sv.size)
  for (const [client, clock] of [...sv.entries()].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}

export const storeSummary = (summary: StateSummary): StoredSummary => ({
  sv: toBase64Url(encodeStateVector(summary.sv)),
  deleted: summary.deleted
})

export const readStoredSummary = (stored: StoredSummary | null | undefined): StateSummary | null => {
  if (!stored) return null
  const bytes = fromBase64Url(stored.sv)
  if (!bytes) return null
  try {
    return { sv: Y.decodeStateVector(bytes), deleted: stored.deleted }
  } catch {
    return null
  }
}

/** Deleted length in the document, by walking every struct once. */
const countDeleted = (doc: Y.Doc): number => {
  let total = 0
  doc.store.clients.forEach((structs) => {
    for (const struct of structs) if (struct.deleted) total += struct.length
  })
  return total
}

/** How much content one transaction marked deleted (new deletions only). */
export const deletedIn = (transaction: Y.Transaction): number => {
  let total = 0
  transaction.deleteSet.clients.forEach((items) => {
    for (const item of items) total += item.len
  })
  return total
}

/**
 * cyrb53: a fast, well-mixed 53-bit hash. Not cryptographic; it only has to tell two states
 * apart, and both sides of a comparison already hold the secret.
 */
const cyrb53 = (bytes: Uint8Array, seed = 0): string => {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (const b of bytes) {
    h1 = Math.imul(h1 ^ b, 2654435761)
    h2 = Math.imul(h2 ^ b, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/** A short digest of a summary, to compare states with another device through presence. */
export const digestSummary = (summary: StateSummary): string =>
  `${cyrb53(encodeStateVector(summary.sv))}.${summary.deleted.toString(36)}`

export interface StateTracker {
  /** Null until the first count has been made (it walks the whole document, so it waits for idle time). */
  summary(): StateSummary | null
  destroy(): void
}

/**
 * Keeps the document's summary current: one full count when the browser is idle, then the
 * deletions of each transaction as they happen.
 */
export const trackState = (doc: Y.Doc, onReady: () => void, schedule: (task: () => void) => void = (task) => whenIdle(task, 2000)): StateTracker => {
  let deleted: number | null = null
  let destroyed = false
  const onTransaction = (transaction: Y.Transaction): void => {
    if (deleted !== null) deleted += deletedIn(transaction)
  }
  doc.on('afterTransaction', onTransaction)
  schedule(() => {
    if (destroyed) return
    deleted = countDeleted(doc)
    onReady()
  })
  return {
    summary: () => (deleted === null ? null : { sv: Y.decodeStateVector(Y.encodeStateVector(doc)), deleted }),
    destroy: () => {
      destroyed = true
      doc.off('afterTransaction', onTransaction)
    }
  }
}
