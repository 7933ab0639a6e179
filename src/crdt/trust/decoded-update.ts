import * as Y from 'yjs'

/**
 * A Yjs update read into its structs and delete set, applying nothing. A state received from
 * another device is read for the membership entries it carries and for where it lands before
 * it is applied: for a two-year lab that is several megabytes, each read a long task on the
 * page, so it is read once and handed to both (trust-entries-in-update.ts, update-areas.ts).
 */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** The update read, or null when it is not one Yjs can read. */
export const decodeUpdate = (update: Uint8Array): DecodedUpdate | null => {
  try {
    return Y.decodeUpdate(update)
  } catch {
    return null
  }
}
