import type { ItemId, Partner, PartnerId, ResourceCategory } from './partner'

/*
 * The matching view: every need, paired with the offers of the same kind (skills, time,
 * venues, data, funding) from other partners. Offers whose description shares words with the
 * need come first, so "meeting room in Leeds" finds "meeting rooms" before "sports hall".
 */

export interface MatchSide {
  partnerId: PartnerId
  partnerName: string
  itemId: ItemId
  detail: string
}

export interface NeedMatch {
  category: ResourceCategory
  need: MatchSide
  /** Offers of the same category from other partners, best first. */
  offers: (MatchSide & { sharedWords: string[] })[]
}

const STOP_WORDS = new Set([
  'the', 'and', 'for', 'with', 'our', 'their', 'from', 'into', 'about', 'some', 'any', 'can', 'will',
  'per', 'who', 'that', 'this', 'are', 'has', 'have', 'other', 'need', 'needs', 'offer', 'offers'
])

/** The words of a description that say something: lower case, 3+ letters, no stop words, no plural s. */
export const significantWords = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .map((word) => (word.length > 4 && word.endsWith('s') ? word.slice(0, -1) : word))
  )

export const matchOffersAndNeeds = (partners: readonly Partner[]): NeedMatch[] => {
  const offersByCategory = new Map<ResourceCategory, (MatchSide & { words: Set<string> })[]>()
  for (const partner of partners)
    for (const offer of partner.offers) {
      const list = offersByCategory.get(offer.category) ?? []
      list.push({ partnerId: partner.id, partnerName: partner.name, itemId: offer.id, detail: offer.detail, words: significantWords(offer.detail) })
      offersByCategory.set(offer.category, list)
    }
  const matches: NeedMatch[] = []
  for (const partner of partners)
    for (const need of partner.needs) {
      const needWords = significantWords(need.detail)
      const offers = (offersByCategory.get(need.category) ?? [])
        .filter((offer) => offer.partnerId !== partner.id)
        .map(({ words, ...offer }) => ({ ...offer, sharedWords: [...words].filter((w) => needWords.has(w)).sort() }))
        .sort((a, b) => b.sharedWords.length - a.sharedWords.length || a.partnerName.localeCompare(b.partnerName, 'en-GB'))
      matches.push({
        category: need.category,
        need: { partnerId: partner.id, partnerName: partner.name, itemId: need.id, detail: need.detail },
        offers
      })
    }
  // Needs with offers first, then by category and partner, so the list reads as a worklist.
  return matches.sort(
    (a, b) =>
      Number(b.offers.length > 0) - Number(a.offers.length > 0) ||
      a.category.localeCompare(b.category) ||
      a.need.partnerName.localeCompare(b.need.partnerName, 'en-GB')
  )
}
