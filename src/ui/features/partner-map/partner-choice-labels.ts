import type { Partner, PartnerId, PartnerType } from '../../../domain/partner'

/**
 * How each partner reads in a list to choose from ("Other partner"). A map often holds two or
 * three organisations of one name (the food bank's branches, a council's departments), and a
 * list that says "Newham Food Bank" three times cannot be chosen from. So, only where a name
 * repeats, the label adds what tells them apart: the type, then the region, then the first
 * contact, as few of them as it takes. Partners alike in all of these get a number too.
 * Unique names stay as they are.
 */
export const partnerChoiceLabels = (
  partners: readonly Pick<Partner, 'id' | 'name' | 'type' | 'region' | 'contacts'>[],
  typeLabel: (type: PartnerType) => string
): Map<PartnerId, string> => {
  const byName = new Map<string, typeof partners[number][]>()
  for (const partner of partners) {
    const key = sameNameKey(partner.name)
    byName.set(key, [...(byName.get(key) ?? []), partner])
  }
  const labels = new Map<PartnerId, string>()
  for (const group of byName.values()) {
    if (group.length === 1) {
      for (const partner of group) labels.set(partner.id, partner.name)
      continue
    }
    const detailsOf = (partner: typeof partners[number]): string[] =>
      [typeLabel(partner.type), partner.region.trim(), partner.contacts[0]?.name.trim() ?? ''].filter(Boolean)
    // The fewest details that tell this group apart (all of them when none do).
    const most = Math.max(...group.map((p) => detailsOf(p).length))
    let shown = most
    for (let count = 1; count < most; count++) {
      if (allDifferent(group.map((p) => detailsOf(p).slice(0, count).join(', ')))) {
        shown = count
        break
      }
    }
    const texts = group.map((p) => detailsOf(p).slice(0, shown).join(', '))
    const seen = new Map<string, number>()
    group.forEach((partner, index) => {
      const text = texts[index] ?? ''
      const alike = texts.filter((other) => other === text).length
      const number = (seen.get(text) ?? 0) + 1
      seen.set(text, number)
      const details = alike > 1 ? [text, String(number)].filter(Boolean).join(', ') : text
      labels.set(partner.id, `${partner.name.trim()} (${details})`)
    })
  }
  return labels
}

/** Names that a person would take for the same one: case and spacing aside. */
const sameNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase()

const allDifferent = (texts: string[]): boolean => new Set(texts).size === texts.length
