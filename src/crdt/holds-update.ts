import * as Y from 'yjs'
import type { UpdateFacts } from './update-facts'

/**
 * Whether `doc` already holds everything an update holds, so merging it would change nothing
 * (a backup of a workspace imported again onto the device it is on). From the checker's facts
 * (update-facts.ts) when there are some: the update's state vector against the document's,
 * then its small remainder (deletions, structs left pending) against the document's snapshot.
 * Without them (Node, which has no Web Worker) the update itself is read on this thread.
 */
export const docHoldsUpdate = (doc: Y.Doc, file: { update: Uint8Array; facts?: UpdateFacts }): boolean => {
  try {
    const here = Y.snapshot(doc)
    if (!file.facts) return Y.snapshotContainsUpdate(here, file.update)
    for (const [client, clock] of Y.decodeStateVector(file.facts.stateVector)) if ((here.sv.get(client) ?? 0) < clock) return false
    return Y.snapshotContainsUpdate(here, file.facts.rest)
  } catch {
    // Facts that do not read say nothing: the file is treated as adding something.
    return false
  }
}
