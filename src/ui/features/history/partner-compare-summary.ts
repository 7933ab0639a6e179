import type { PartnerChange, PartnerMapComparison } from '../../../crdt/compare-partner-maps'
import type { Translate } from '../../../domain/i18n/catalogue'

/** Gone from the map since the version: deleted for good, or in the bin. */
export const goneSince = (change: PartnerChange['change']): boolean => change === 'removed' || change === 'binned'

/**
 * The sentence above a partner map's comparison: how many partners (and relationships) then
 * and now, and how many partners changed; or, for one version alone, what it held.
 */
export const partnerCompareSummary = (comparison: PartnerMapComparison, mode: 'view' | 'compare', tr: Translate): string => {
  const { partners, relationshipsThen, relationshipsNow } = comparison
  const then = partners.filter((p) => p.change !== 'added').length
  if (mode === 'view') return tr('partners.compare.inVersion', { partners: then, relationships: relationshipsThen })
  const now = partners.filter((p) => !goneSince(p.change)).length
  const changed = partners.filter((p) => p.change !== null).length
  return [
    tr('partners.compare.partnersThenNow', { then, now }),
    ...(relationshipsThen + relationshipsNow > 0 ? [tr('partners.compare.relationshipsThenNow', { then: relationshipsThen, now: relationshipsNow })] : []),
    changed === 0 ? tr('partners.compare.noneChanged') : tr('partners.compare.someChanged', { count: changed })
  ].join(' ')
}
