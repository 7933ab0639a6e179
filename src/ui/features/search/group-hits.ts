import { MAX_RESULTS_PER_GROUP, SEARCH_KINDS, type SearchKind } from '../../../domain/search/search-item'
import type { SearchAnswer, SearchHit } from '../../../reactive/search/search-engine'
import { t } from '../../i18n/t'

export interface HitGroup {
  kind: SearchKind
  label: string
  hits: SearchHit[]
  /** Results of this kind not shown (more than a group shows). */
  more: number
}

/**
 * Results grouped by kind, in a fixed order of kinds, best first within each; `more` counts
 * the matches of the kind the worker did not send.
 */
export const groupHits = (answer: Pick<SearchAnswer, 'hits' | 'byKind'>, perGroup = MAX_RESULTS_PER_GROUP): HitGroup[] =>
  SEARCH_KINDS.map((kind) => {
    const shown = answer.hits.filter((hit) => hit.item.kind === kind).slice(0, perGroup)
    return { kind, label: t(`search.kind.${kind}`), hits: shown, more: Math.max(0, (answer.byKind[kind] ?? 0) - shown.length) }
  }).filter((group) => group.hits.length > 0)
