import MiniSearch, { type Options } from 'minisearch'
import { makeExcerpt, type ExcerptPart } from '../../domain/search/excerpt'
import { searchWords } from '../../domain/search/normalise'
import { filterChoices, makeFilterTest, type SearchFilters } from '../../domain/search/search-filters'
import { MAX_QUERY_LENGTH, MAX_RESULTS_PER_GROUP, capText, type SearchItem, type SearchKind } from '../../domain/search/search-item'
import { makeFoldedTexts } from './folded-texts'

/** One result: the item without its text, and a short excerpt with the matches marked. */
export interface SearchHit {
  item: Omit<SearchItem, 'text'>
  excerpt: ExcerptPart[]
  /** The folded words of this item that matched and its excerpt marks, for the editor to find and select. */
  terms: string[]
}

export interface SearchAnswer {
  /** The best MAX_RESULTS_PER_GROUP of each kind, best first: all a person is shown. */
  hits: SearchHit[]
  /** How many items matched in all. */
  total: number
  /** How many matched of each kind that matched at all (shown or not). */
  byKind: Partial<Record<SearchKind, number>>
}

/** The search index: MiniSearch behind the few operations the workspace needs. */
export interface SearchEngine {
  /** Makes an artifact's items exactly these (an empty list removes the artifact). */
  setArtifact: (artifactId: string, items: readonly SearchItem[]) => void
  search: (query: string, filters: SearchFilters) => SearchAnswer
  choices: () => { authors: string[]; councils: string[] }
  size: () => number
  /** The index and its items as plain data, to keep on the device (kept-search-index). */
  keep: () => KeptEngine
}

/** An engine as plain data: MiniSearch's own serialisation and the items it covers. */
export interface KeptEngine {
  index: ReturnType<MiniSearch['toJSON']>
  items: SearchItem[]
}

/** Terms sent with a hit whose excerpt marks none (its title matched): a bound, not all. */
const MAX_UNSHOWN_TERMS = 8

/**
 * The matched words a hit carries back to the page: those its excerpt marks. A short prefix
 * matches hundreds of different words in a long report, and every one would be copied to the
 * page on every keystroke; the editor needs only the first match, which the excerpt starts
 * at, so the marked words find the same place.
 */
const shownTerms = (excerpt: readonly ExcerptPart[], terms: readonly string[]): string[] => {
  const marked = new Set(excerpt.filter((part) => part.match).flatMap((part) => searchWords(part.text)))
  const shown = terms.filter((term) => marked.has(term))
  return shown.length > 0 ? shown : terms.slice(0, MAX_UNSHOWN_TERMS)
}

const NOTHING: SearchAnswer = { hits: [], total: 0, byKind: {} }

/**
 * The matched words to mark and go to: those that are a word typed, or begin with one, when
 * every word typed has such a match in the item; otherwise all of them. "warm space" found both
 * "warm" and, forgiving a slip, "ward": the excerpt and the opened note went to "ward", met
 * first, in a note that also holds "warm".
 */
const closestTerms = (terms: readonly string[], typed: readonly string[]): string[] => {
  const close = terms.filter((term) => typed.some((word) => term.startsWith(word)))
  const covered = typed.every((word) => close.some((term) => term.startsWith(word)))
  return covered && close.length > 0 ? close : [...terms]
}

/**
 * Prefix matching for every word ("coun" finds "council") and fuzzy matching for longer
 * ones (one letter in five may differ: "procurment" finds "procurement"). Words are folded
 * by domain/search/normalise, so case and accents never matter. Every word must match
 * somewhere in the item; a title match counts double. A one-letter word is not a prefix.
 */
const SEARCH_OPTIONS = {
  // A single letter would expand to most of the index's words: it matches whole words only.
  prefix: (term: string) => term.length >= 2,
  fuzzy: (term: string) => (term.length >= 4 ? 0.2 : false),
  maxFuzzy: 2,
  boost: { title: 2 },
  combineWith: 'AND' as const
}

const indexOptions = {
  idField: 'id',
  fields: ['title', 'text'],
  storeFields: [],
  // Folding happens here, once: processTerm then keeps the folded word as it is. A body's
  // words are indexed once each: how often a word occurs barely changes which items are
  // best, and a 15,000-word report then costs a fraction of the time to index.
  tokenize: (text: string, field?: string) => (field === 'text' ? [...new Set(searchWords(text))] : searchWords(text)),
  processTerm: (term: string) => term,
  searchOptions: SEARCH_OPTIONS
} satisfies Options<SearchItem>

/**
 * A new engine, empty or from a kept one. A kept engine that MiniSearch cannot load, or whose
 * items are not the ones its index counts, throws: the caller builds the index again instead.
 */
export const makeSearchEngine = (kept?: KeptEngine): SearchEngine => {
  const index = kept ? MiniSearch.loadJS<SearchItem>(kept.index, indexOptions) : new MiniSearch<SearchItem>(indexOptions)
  const items = new Map<string, SearchItem>()
  const folded = makeFoldedTexts()
  const byArtifact = new Map<string, Set<string>>()
  for (const item of kept?.items ?? []) {
    items.set(item.id, item)
    byArtifact.set(item.artifactId, (byArtifact.get(item.artifactId) ?? new Set()).add(item.id))
  }
  if (kept && (index.documentCount !== items.size || [...items.keys()].some((id) => !index.has(id))))
    throw new Error('The kept search index does not match its items.')

  const remove = (id: string): void => {
    if (!items.has(id)) return
    index.discard(id)
    items.delete(id)
    folded.forget(id)
  }

  const setArtifact: SearchEngine['setArtifact'] = (artifactId, next) => {
    const previous = byArtifact.get(artifactId) ?? new Set<string>()
    const kept = new Set<string>()
    for (const item of next) {
      if (item.artifactId !== artifactId || kept.has(item.id)) continue
      kept.add(item.id)
      const old = items.get(item.id)
      if (old && old.text === item.text && old.title === item.title) {
        // Same words: only what the filters read may have changed, which needs no re-indexing.
        items.set(item.id, item)
        continue
      }
      remove(item.id)
      index.add(item)
      items.set(item.id, item)
    }
    for (const id of previous) if (!kept.has(id)) remove(id)
    if (kept.size === 0) byArtifact.delete(artifactId)
    else byArtifact.set(artifactId, kept)
  }

  const search: SearchEngine['search'] = (query, filters) => {
    const text = capText(query, MAX_QUERY_LENGTH)
    const typed = searchWords(text)
    if (typed.length === 0) return NOTHING
    const test = makeFilterTest(filters)
    const results = index.search(text, {
      filter: (result) => {
        const item = items.get(result.id as string)
        return item !== undefined && test(item)
      }
    })
    // Excerpts are made for the hits shown alone: the best few of each kind. The rest are
    // only counted, so a short prefix matching hundreds of long notes costs no more to show.
    const hits: SearchHit[] = []
    const byKind: Partial<Record<SearchKind, number>> = {}
    for (const result of results) {
      const item = items.get(result.id as string)
      if (!item) continue
      const shown = byKind[item.kind] ?? 0
      byKind[item.kind] = shown + 1
      if (shown >= MAX_RESULTS_PER_GROUP) continue
      const terms = closestTerms(result.terms, typed)
      const { text: body, ...rest } = item
      const source = body || item.title
      const excerpt = makeExcerpt(source, new Set(terms), { folded: folded.of(item.id, source) })
      hits.push({ item: rest, excerpt, terms: shownTerms(excerpt, terms) })
    }
    return { hits, total: results.length, byKind }
  }

  return {
    setArtifact,
    search,
    choices: () => filterChoices(items.values()),
    size: () => items.size,
    keep: () => ({ index: index.toJSON(), items: [...items.values()] })
  }
}
