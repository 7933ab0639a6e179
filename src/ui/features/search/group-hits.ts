import { MAX_RESULTS_PER_GROUP, SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchKind } from '../../../domain/search/search-item'
import type { SearchHit } from '../../../reactive/search/search-engine'

export interface HitGroup {
  kind: SearchKind
  label: string
  hits: SearchHit[]
  /** Results of this kind not shown (more than a group shows). */
  more: number
}

/** Results grouped by kind, in a fixed order of kinds, best first within each. */
export const groupHits = (hits: readonly SearchHit[], perGroup = MAX_RESULTS_PER_GROUP): HitGroup[] =>
  SEARCH_KINDS.map((kind) => {
    const all = hits.filter((hit) => hit.item.kind === kind)
    return { kind, label: SEARCH_KIND_LABELS[kind], hits: all.slice(0, perGroup), more: Math.max(0, all.length - perGroup) }
  }).filter((group) => group.hits.length > 0)
