import {
  PARTNER_ROLES,
  PARTNER_STATUSES,
  PARTNER_TYPES,
  type Partner,
  type PartnerRole,
  type PartnerStatus,
  type PartnerType,
  type Relationship
} from './partner'

/*
 * The rules the table and the graph share: which partners a filter keeps, how columns sort,
 * and which regions exist. Both views call these, so they always show the same partners.
 */

export interface PartnerFilter {
  type: PartnerType | ''
  /** A region key (see `regionKey`), or '' for any. */
  region: string
  role: PartnerRole | ''
  status: PartnerStatus | ''
  /** Words to find in the name, region, notes or a contact's name. */
  text: string
}

export const NO_FILTER: PartnerFilter = { type: '', region: '', role: '', status: '', text: '' }

/** Regions are free text: "north of england " and "North of England" are one region. */
export const regionKey = (region: string): string => region.trim().replace(/\s+/g, ' ').toLowerCase()

export const isFiltering = (filter: PartnerFilter): boolean =>
  filter.type !== '' || filter.region !== '' || filter.role !== '' || filter.status !== '' || filter.text.trim() !== ''

const searchableText = (partner: Partner): string =>
  [partner.name, partner.region, partner.notes, ...partner.contacts.map((c) => `${c.name} ${c.jobTitle}`)]
    .join(' ')
    .toLowerCase()

/** A predicate for the partners a filter keeps; build it once per filter change. */
export const partnerMatcher = (filter: PartnerFilter): ((partner: Partner) => boolean) => {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean)
  return (partner) =>
    (filter.type === '' || partner.type === filter.type) &&
    (filter.region === '' || regionKey(partner.region) === filter.region) &&
    (filter.role === '' || partner.role === filter.role) &&
    (filter.status === '' || partner.status === filter.status) &&
    (words.length === 0 || words.every((word) => searchableText(partner).includes(word)))
}

export const filterPartners = (partners: readonly Partner[], filter: PartnerFilter): Partner[] =>
  isFiltering(filter) ? partners.filter(partnerMatcher(filter)) : [...partners]

/** Relationships whose two ends are both among `partners`. */
export const relationshipsAmong = (relationships: readonly Relationship[], partners: readonly Partner[]): Relationship[] => {
  const shown = new Set(partners.map((p) => p.id))
  return relationships.filter((r) => shown.has(r.from) && shown.has(r.to))
}

export interface RegionOption {
  key: string
  /** The spelling most partners use. */
  label: string
  count: number
}

const capitals = (text: string): number => text.replace(/[^A-Z]/g, '').length

/** The regions in use, with the spelling most partners use, A to Z; "no region" is left out. */
export const regionsInUse = (partners: readonly Partner[]): RegionOption[] => {
  const found = new Map<string, { count: number; spellings: Map<string, number> }>()
  for (const partner of partners) {
    const key = regionKey(partner.region)
    if (!key) continue
    const entry = found.get(key) ?? { count: 0, spellings: new Map() }
    const spelling = partner.region.trim().replace(/\s+/g, ' ')
    entry.count += 1
    entry.spellings.set(spelling, (entry.spellings.get(spelling) ?? 0) + 1)
    found.set(key, entry)
  }
  return [...found.entries()]
    .map(([key, { count, spellings }]) => ({
      key,
      count,
      // Most used first; on a tie, the one with more capitals ("North of England" over
      // "north of england"), then A to Z, so every device picks the same.
      label: [...spellings.entries()].sort((a, b) => b[1] - a[1] || capitals(b[0]) - capitals(a[0]) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? key
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'))
}

export const SORT_KEYS = ['name', 'type', 'region', 'role', 'status', 'contacts', 'relationships'] as const
export type PartnerSortKey = (typeof SORT_KEYS)[number]
export interface PartnerSort {
  key: PartnerSortKey
  direction: 'ascending' | 'descending'
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })
const rank = <T extends string>(order: readonly T[]) => (value: T) => order.indexOf(value)
const typeRank = rank(PARTNER_TYPES)
const roleRank = rank(PARTNER_ROLES)
const statusRank = rank(PARTNER_STATUSES)

/**
 * Sorts a copy. Types, roles and statuses sort in their natural order (lead before partner,
 * not contacted before committed), not alphabetically; partners without a region come last;
 * ties fall back to the name so the order is the same on every device.
 */
export const sortPartners = (
  partners: readonly Partner[],
  sort: PartnerSort,
  relationshipCount: (id: string) => number = () => 0
): Partner[] => {
  const byName = (a: Partner, b: Partner): number => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1)
  const compare = (a: Partner, b: Partner): number => {
    switch (sort.key) {
      case 'name':
        return 0
      case 'type':
        return typeRank(a.type) - typeRank(b.type)
      case 'region':
        if (!a.region.trim() !== !b.region.trim()) return a.region.trim() ? -1 : 1
        return collator.compare(a.region.trim(), b.region.trim())
      case 'role':
        return roleRank(a.role) - roleRank(b.role)
      case 'status':
        return statusRank(a.status) - statusRank(b.status)
      case 'contacts':
        return a.contacts.length - b.contacts.length
      case 'relationships':
        return relationshipCount(a.id) - relationshipCount(b.id)
    }
  }
  const sign = sort.direction === 'ascending' ? 1 : -1
  return [...partners].sort((a, b) => sign * (compare(a, b) || byName(a, b)))
}

/** How many relationships each partner has (only counting those shown). */
export const relationshipCounts = (relationships: readonly Relationship[]): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const r of relationships) {
    counts.set(r.from, (counts.get(r.from) ?? 0) + 1)
    counts.set(r.to, (counts.get(r.to) ?? 0) + 1)
  }
  return counts
}

/**
 * Rows the partner table lists before "Show all": drawing and laying out 500 rows took most
 * of the time to open a big map and to clear a filter. Sorting and filtering work on every
 * partner; this only shortens what is drawn.
 */
export const PARTNER_ROWS_LISTED = 100
