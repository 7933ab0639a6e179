import type { SearchHit } from '../../../reactive/search/search-engine'

const sameHit = (a: SearchHit, b: SearchHit): boolean => JSON.stringify(a) === JSON.stringify(b)

/**
 * A new answer's hits, each replaced by the previous answer's object when nothing about it
 * changed. The result list is keyed by object, so a keystroke that leaves a result as it was
 * keeps its row on screen instead of drawing it again: only rows that changed are redrawn.
 */
export const reuseUnchangedHits = (next: readonly SearchHit[], previous: readonly SearchHit[]): SearchHit[] => {
  const before = new Map(previous.map((hit) => [hit.item.id, hit]))
  return next.map((hit) => {
    const old = before.get(hit.item.id)
    return old && sameHit(old, hit) ? old : hit
  })
}
