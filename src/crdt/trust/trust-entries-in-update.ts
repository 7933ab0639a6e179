import * as Y from 'yjs'
import { decodeUpdate, type DecodedUpdate } from './decoded-update'
import { TRUST_ROOT } from './trust-root'

/** An update carries at most this many entries worth reading ahead; the rest arrive with the document. */
const MAX_ENTRIES_READ = 2_000

/**
 * The membership entries a Yjs update adds to the `trust` map, read without applying it.
 * A change is judged against the membership entries it cites, and a joining device's first
 * state carries those very entries inside it: without reading them first, the state would wait
 * for entries that can only arrive by applying it. Entries check their own signatures
 * (membership-codec.ts), so where they were read from does not matter. Takes the update, or
 * the update already read (decoded-update.ts; null when it could not be read: no entries).
 */
export const trustEntriesIn = (update: Uint8Array | DecodedUpdate | null): [string, unknown][] => {
  const out: [string, unknown][] = []
  const decoded = update instanceof Uint8Array ? decodeUpdate(update) : update
  if (!decoded) return out
  for (const struct of decoded.structs) {
    if (out.length >= MAX_ENTRIES_READ) break
    if (!(struct instanceof Y.Item) || (struct.parent as unknown) !== TRUST_ROOT || typeof struct.parentSub !== 'string') continue
    if (struct.content instanceof Y.ContentBinary) out.push([struct.parentSub, struct.content.content])
  }
  return out
}
