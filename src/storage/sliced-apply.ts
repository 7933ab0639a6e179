import * as Y from 'yjs'
import { nextTask } from '../domain/next-task'

/**
 * Applies stored rows to a document a slice at a time, each slice in a task of its own.
 *
 * A workspace's rows were applied in one transaction: for a two-year lab, one task of about
 * 370 ms before the page could respond (issue 15). Rows are stored in the order their changes
 * were made, and big states are stored as chunks that apply one by one (split-state.ts), so
 * each slice applies whole. A slice is as many consecutive rows as fit in `sliceBytes`, and at
 * most `sliceRows` of them; a row bigger than that (a state stored before chunks existed) is a
 * slice of its own, and the compaction after opening stores it as chunks.
 */

/** About 40 ms of applying on a modest laptop. */
export const SLICE_BYTES = 512 * 1024

/**
 * Each row costs a little whatever its size: a session whose rows were never compacted (the
 * tab closed first) can leave thousands of one-keystroke rows, which must not all land in one task.
 */
export const SLICE_ROWS = 400

export const slicesOf = (rows: readonly Uint8Array[], sliceBytes = SLICE_BYTES, sliceRows = SLICE_ROWS): Uint8Array[][] => {
  const slices: Uint8Array[][] = []
  let slice: Uint8Array[] = []
  let bytes = 0
  for (const row of rows) {
    if (slice.length > 0 && (bytes + row.length > sliceBytes || slice.length >= sliceRows)) {
      slices.push(slice)
      slice = []
      bytes = 0
    }
    slice.push(row)
    bytes += row.length
  }
  if (slice.length > 0) slices.push(slice)
  return slices
}

export type SlicedApply = 'applied' | 'stopped' | { failed: unknown }

/**
 * Applies `rows` in slices, each in one transaction with `origin`, yielding between them.
 * Stops (leaving the rest unapplied) when `keepGoing` turns false, and at the first row Yjs
 * cannot read: a damaged row, which the caller salvages.
 */
export const applyInSlices = async (
  doc: Y.Doc,
  rows: readonly Uint8Array[],
  origin: unknown,
  keepGoing: () => boolean,
  sliceBytes = SLICE_BYTES
): Promise<SlicedApply> => {
  const slices = slicesOf(rows, sliceBytes)
  for (const [i, slice] of slices.entries()) {
    if (i > 0) await nextTask()
    if (!keepGoing()) return 'stopped'
    try {
      Y.transact(doc, () => slice.forEach((row) => Y.applyUpdate(doc, row)), origin, false)
    } catch (error) {
      return { failed: error }
    }
  }
  return 'applied'
}
