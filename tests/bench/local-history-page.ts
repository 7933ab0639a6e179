/** Bundled into the page by tests/bench/local-history.bench.ts: the checkpoint steps, timed one by one. */
import * as Y from 'yjs'
import { captureCheckpoint, countHolds, docAtSnapshot } from '../../src/crdt/checkpoints'
import { snapshotBeforeDeletions } from '../../src/crdt/delete-ranges'

let doc: Y.Doc | null = null

const time = (fn: () => unknown): number => {
  const start = performance.now()
  fn()
  return performance.now() - start
}

export const load = (bytes: number[]): number => {
  doc = new Y.Doc({ gc: false })
  Y.applyUpdate(doc, Uint8Array.from(bytes))
  return doc.getMap('artifacts').size
}

export const measure = (): Record<string, number> => {
  const d = doc!
  let snapshot: Uint8Array = new Uint8Array()
  const capture = time(() => (snapshot = captureCheckpoint(d).snapshot))
  return {
    captureCheckpointMs: capture,
    countHoldsMs: time(() => countHolds(d)),
    snapshotBytes: snapshot.length,
    snapshotBeforeDeletionsMs: time(() => snapshotBeforeDeletions(d, Y.decodeStateVector(Y.encodeStateVector(d)), new Map())),
    // Not idle work: what pressing Restore costs before anything is written.
    rebuildForRestoreMs: time(() => docAtSnapshot(d, snapshot)?.destroy())
  }
}
