import * as Y from 'yjs'
import { DELETION_RUN_GAP_MS } from '../domain/deletion-burst'
import { holdingItemOf, keyedItemsOf } from './adapters/yjs-internals'
import { countHolds } from './checkpoints'
import { addDeletions, normaliseRanges, type DeleteRanges } from './delete-ranges'
import { ARTIFACT } from './keys'
import { versionsMap } from './versions'
import { artifactsMap } from './workspace-doc'

/** A run of deletions of artifacts and versions, from any device, as this device saw it. */
export interface DeletionRun {
  startedAt: number
  lastAt: number
  artifactsBefore: number
  versionsBefore: number
  artifactsRemoved: number
  versionsRemoved: number
  /** Of `artifactsRemoved`, how many were moved to the bin rather than removed. */
  artifactsBinned: number
  /** The doc's state vector as the run began: what the run's "before" is rebuilt from. */
  stateVectorBefore: Map<number, number>
  /** Every deletion the run's transactions made, so they can be left out of "before". */
  deletions: DeleteRanges
  /** Items whose deletion names who did it (kept to a handful: one is enough). */
  deletedItems: Y.ID[]
  /** Items a member wrote as part of the run (moving to the bin writes a date). */
  writtenItems: Y.ID[]
}

const MAX_NAMED_ITEMS = 16
/** Ranges are folded together past this many, so a long run stays small in memory. */
const MAX_LOOSE_RANGES = 4096

const existedBefore = (item: Y.Item | undefined, transaction: Y.Transaction): boolean =>
  !!item && item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)

/**
 * Watches every transaction (this device's and those arriving from others) for artifacts and
 * versions removed, or artifacts moved to the bin, and reports the run they belong to after each
 * one that has some. Costs nothing measurable per keystroke: it looks only at the keys the
 * transaction changed. Returns a function that stops it.
 */
export const watchDeletions = (doc: Y.Doc, onRun: (run: DeletionRun) => void, now: () => number = Date.now): (() => void) => {
  const artifacts = artifactsMap(doc)
  const versions = versionsMap(doc)
  let run: DeletionRun | null = null
  let looseRanges = 0

  const removedKeys = (map: Y.Map<any>, transaction: Y.Transaction, named: Y.ID[]): number => {
    const keys = transaction.changed.get(map as Y.AbstractType<any>)
    if (!keys) return 0
    let removed = 0
    for (const key of keys) {
      if (key === null || map.has(key)) continue
      const item = keyedItemsOf(map).get(key)
      if (!item || !existedBefore(item, transaction)) continue
      removed += 1
      if (named.length < MAX_NAMED_ITEMS) named.push(item.id)
    }
    return removed
  }

  const binned = (transaction: Y.Transaction, written: Y.ID[]): number => {
    let count = 0
    transaction.changed.forEach((keys, type) => {
      if (!keys.has(ARTIFACT.deletedAt) || !(type instanceof Y.Map) || holdingItemOf(type)?.parent !== artifacts) return
      const item = keyedItemsOf(type).get(ARTIFACT.deletedAt)
      if (type.get(ARTIFACT.deletedAt) == null || !item || existedBefore(item, transaction)) return
      count += 1
      if (written.length < MAX_NAMED_ITEMS) written.push(item.id)
    })
    return count
  }

  const onTransaction = (transaction: Y.Transaction): void => {
    const deleted: Y.ID[] = []
    const written: Y.ID[] = []
    const movedToBin = binned(transaction, written)
    const artifactsGone = removedKeys(artifacts, transaction, deleted) + movedToBin
    const versionsGone = removedKeys(versions, transaction, deleted)
    if (artifactsGone + versionsGone === 0) return
    const at = now()
    if (!run || at - run.lastAt > DELETION_RUN_GAP_MS) {
      const holds = countHolds(doc)
      run = {
        startedAt: at,
        lastAt: at,
        artifactsBefore: holds.artifacts + artifactsGone,
        versionsBefore: holds.versions + versionsGone,
        artifactsRemoved: 0,
        versionsRemoved: 0,
        artifactsBinned: 0,
        stateVectorBefore: new Map(transaction.beforeState),
        deletions: new Map(),
        deletedItems: [],
        writtenItems: []
      }
      looseRanges = 0
    }
    run.lastAt = at
    run.artifactsRemoved += artifactsGone
    run.versionsRemoved += versionsGone
    run.artifactsBinned += movedToBin
    run.deletedItems.push(...deleted.slice(0, MAX_NAMED_ITEMS - run.deletedItems.length))
    run.writtenItems.push(...written.slice(0, MAX_NAMED_ITEMS - run.writtenItems.length))
    addDeletions(run.deletions, transaction.deleteSet)
    transaction.deleteSet.clients.forEach((items) => (looseRanges += items.length))
    if (looseRanges > MAX_LOOSE_RANGES) {
      run.deletions = normaliseRanges(run.deletions)
      looseRanges = 0
    }
    onRun(run)
  }
  doc.on('afterTransaction', onTransaction)
  return () => doc.off('afterTransaction', onTransaction)
}
