import type { SearchItem, SearchKind } from './search-item'

/**
 * Narrowing a search. Empty means "any": no kinds chosen searches every kind. Dates are
 * calendar days (yyyy-mm-dd) as a date field gives them, both ends included.
 */
export interface SearchFilters {
  kinds: readonly SearchKind[]
  author: string
  council: string
  from: string
  to: string
}

export const NO_SEARCH_FILTERS: SearchFilters = { kinds: [], author: '', council: '', from: '', to: '' }

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** The start of a calendar day in UTC, or null for anything that is not a date. */
const dayStart = (day: string): number | null => {
  if (!DAY.test(day)) return null
  const time = Date.parse(`${day}T00:00:00Z`)
  return Number.isNaN(time) ? null : time
}

const DAY_MS = 24 * 60 * 60 * 1000

export const isFiltering = (filters: SearchFilters): boolean =>
  filters.kinds.length > 0 || filters.author !== '' || filters.council !== '' || filters.from !== '' || filters.to !== ''

/** A test for items, made once per query. */
export const makeFilterTest = (filters: SearchFilters): ((item: SearchItem) => boolean) => {
  const kinds = new Set(filters.kinds)
  const from = dayStart(filters.from)
  const toStart = dayStart(filters.to)
  const to = toStart === null ? null : toStart + DAY_MS
  return (item) =>
    (kinds.size === 0 || kinds.has(item.kind)) &&
    (filters.author === '' || item.author === filters.author) &&
    (filters.council === '' || item.council === filters.council) &&
    (from === null || item.date >= from) &&
    (to === null || item.date < to)
}

/** The authors and councils that occur, for the filter choices, sorted. */
export const filterChoices = (items: Iterable<SearchItem>): { authors: string[]; councils: string[] } => {
  const authors = new Set<string>()
  const councils = new Set<string>()
  for (const item of items) {
    if (item.author) authors.add(item.author)
    if (item.council) councils.add(item.council)
  }
  const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b, 'en-GB'))
  return { authors: sorted(authors), councils: sorted(councils) }
}
