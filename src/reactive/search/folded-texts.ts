import { foldText } from '../../domain/search/normalise'

/** Folded texts kept at most: enough for every hit of several screens of results. */
const MAX_KEPT = 400

export interface FoldedTexts {
  /** `text` folded, from the cache when this item's was folded before. */
  of: (id: string, text: string) => string
  forget: (id: string) => void
}

/**
 * The folded texts of the items recently shown as hits, so typing one more letter does not
 * fold the same long notes again. Folded when first shown rather than when indexed: most items
 * are never shown, and a whole lab's text folded twice would double what the worker holds.
 * The least recently used go first beyond the bound.
 */
export const makeFoldedTexts = (maxKept = MAX_KEPT): FoldedTexts => {
  const kept = new Map<string, string>()
  return {
    of: (id, text) => {
      const known = kept.get(id)
      kept.delete(id)
      const folded = known ?? foldText(text)
      kept.set(id, folded)
      if (kept.size > maxKept) kept.delete(kept.keys().next().value as string)
      return folded
    },
    forget: (id) => {
      kept.delete(id)
    }
  }
}
