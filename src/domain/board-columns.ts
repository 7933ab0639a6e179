import type { BoardColumn } from './board'

/**
 * Column order and removal, as pure rules. Each column carries its own `order` number (a
 * fractional key), so moving a column writes one field of one column: concurrent moves from
 * several devices can never duplicate or lose a column, and every device sorts the same
 * numbers the same way (ties, from two moves into the same gap, break by id).
 */

const byId = (a: BoardColumn, b: BoardColumn): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const compareColumns = (a: BoardColumn, b: BoardColumn): number => a.order - b.order || byId(a, b)

export interface ColumnLayout {
  /** The columns on the board, left to right. */
  live: BoardColumn[]
  /** Removed columns, most recently removed first. */
  removed: BoardColumn[]
}

const byRemoval = (a: BoardColumn, b: BoardColumn): number => (b.removedAt ?? 0) - (a.removedAt ?? 0) || byId(a, b)

/**
 * Splits a board's columns into those shown and those removed. A board always keeps a column:
 * if two devices each removed one of the last two at once, every device reads the most
 * recently removed one (ties by id) as still on the board, so nobody is left with an empty board.
 */
export const layOutColumns = (columns: readonly BoardColumn[]): ColumnLayout => {
  const live = columns.filter((c) => c.removedAt === null).sort(compareColumns)
  const removed = columns.filter((c) => c.removedAt !== null).sort(byRemoval)
  if (live.length === 0 && removed.length > 0) {
    const [kept, ...rest] = removed as [BoardColumn, ...BoardColumn[]]
    return { live: [{ ...kept, removedAt: null }], removed: rest }
  }
  return { live, removed }
}

/** A column may be removed while another one stays on the board. */
export const canRemoveColumn = (live: readonly BoardColumn[], columnId: string): boolean =>
  live.length > 1 && live.some((c) => c.id === columnId)

/** New order values to write: usually one column's, or every column's when the gap has run out. */
export type ColumnOrderChange = ReadonlyMap<string, number>

/**
 * The order writes that move a column one place left (-1) or right (+1) among the live
 * columns, or null when it cannot move that way. The moved column takes a number between its
 * new neighbours; when there is no number strictly between them (equal keys after concurrent
 * moves, or floating point exhausted by many moves into one gap) every column is renumbered
 * 0, 1, 2… in the new order, which is still one value per column and so still converges.
 */
export const orderForMove = (live: readonly BoardColumn[], columnId: string, step: -1 | 1): ColumnOrderChange | null => {
  const sorted = [...live].sort(compareColumns)
  const from = sorted.findIndex((c) => c.id === columnId)
  const to = from + step
  if (from < 0 || to < 0 || to >= sorted.length) return null
  const without = sorted.filter((c) => c.id !== columnId)
  // Insert at index `to` of the list without the moved column.
  const before = without[to - 1]
  const after = without[to]
  const order =
    before && after
      ? before.order + (after.order - before.order) / 2
      : before
        ? before.order + 1
        : (after as BoardColumn).order - 1
  const fits = (!before || before.order < order) && (!after || order < after.order) && Number.isFinite(order)
  if (fits) return new Map([[columnId, order]])
  const moved = sorted[from] as BoardColumn
  const next = [...without.slice(0, to), moved, ...without.slice(to)]
  return new Map(next.map((c, index) => [c.id, index]))
}
