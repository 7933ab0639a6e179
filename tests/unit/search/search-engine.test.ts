import { describe, expect, it } from 'vitest'
import { NO_SEARCH_FILTERS } from '../../../src/domain/search/search-filters'
import { MAX_RESULTS_PER_GROUP, type SearchItem } from '../../../src/domain/search/search-item'
import { makeSearchEngine } from '../../../src/reactive/search/search-engine'

const item = (id: string, text: string, extra: Partial<SearchItem> = {}): SearchItem => ({
  id,
  artifactId: id.split(':')[0] as string,
  kind: 'note',
  title: `Title ${id}`,
  text,
  author: 'Asha Patel',
  council: 'Oldham Council',
  date: Date.UTC(2026, 2, 10),
  target: { kind: 'text' },
  ...extra
})

/** The first hit for `query` in one item holding `text`, and the words its excerpt marks. */
const firstHit = (text: string, query: string) => {
  const engine = makeSearchEngine()
  engine.setArtifact('a', [item('a', text)])
  const [hit] = engine.search(query, NO_SEARCH_FILTERS).hits
  return { hit, marked: hit?.excerpt.filter((p) => p.match).map((p) => p.text) ?? [] }
}

const ids = (answer: { hits: { item: { id: string } }[] }): string[] => answer.hits.map((h) => h.item.id).sort()

describe('search engine', () => {
  it('finds words by prefix, fuzzily, and whatever their case and accents', () => {
    const engine = makeSearchEngine()
    engine.setArtifact('a', [item('a', 'A site visit to Ynys Môn about community energy')])
    engine.setArtifact('b', [item('b', 'Procurement rules for social value')])
    expect(ids(engine.search('ynys mon', NO_SEARCH_FILTERS))).toEqual(['a'])
    expect(ids(engine.search('YNYS', NO_SEARCH_FILTERS))).toEqual(['a'])
    expect(ids(engine.search('commun', NO_SEARCH_FILTERS))).toEqual(['a'])
    expect(ids(engine.search('procurment', NO_SEARCH_FILTERS))).toEqual(['b'])
    // Every word must match: two words found in different items find neither.
    expect(ids(engine.search('ynys procurement', NO_SEARCH_FILTERS))).toEqual([])
    expect(engine.search('  ', NO_SEARCH_FILTERS)).toEqual({ hits: [], total: 0, byKind: {} })
  })

  it('gives each hit an excerpt with the matched words marked and the words that matched', () => {
    const { hit, marked } = firstHit('We spoke with the council about Ynys Môn.', 'mon counc')
    expect(marked).toEqual(['council', 'Môn'])
    expect(hit?.terms.sort()).toEqual(['council', 'mon'])
    expect(hit?.item).not.toHaveProperty('text')
  })

  it('marks and goes to the words typed, not a near miss met earlier, when the item holds them all', () => {
    const text = 'Our ward councillor opened the warm space at the library.'
    const { hit, marked } = firstHit(text, 'warm space')
    expect(marked).toEqual(['warm', 'space'])
    expect(hit?.terms.sort()).toEqual(['space', 'warm'])
    // A slip with no exact match anywhere still finds, and marks, the near miss.
    const { hit: slip } = firstHit(text, 'wark space')
    expect(slip?.terms).toContain('space')
    expect(slip?.terms.some((term) => term === 'ward' || term === 'warm')).toBe(true)
  })

  it('sends back with a hit only the matched words its excerpt marks, however many a prefix matched', () => {
    const engine = makeSearchEngine()
    // "co" matches forty different words; the excerpt shows the first few of them.
    const words = Array.from({ length: 40 }, (_, n) => `co${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}word`)
    engine.setArtifact('a', [item('a', `Opening remarks. ${words.join(' filler text here. ')}`)])
    const [hit] = engine.search('co', NO_SEARCH_FILTERS).hits
    const marked = hit?.excerpt.filter((p) => p.match).map((p) => p.text) ?? []
    expect(marked.length).toBeGreaterThan(0)
    expect(hit?.terms.sort()).toEqual([...marked].sort())
    // The first match, where the editor goes, is among them.
    expect(hit?.terms).toContain(words[0])
  })

  it('bounds the words sent back when only the title matched', () => {
    const engine = makeSearchEngine()
    const words = Array.from({ length: 30 }, (_, n) => `cou${String.fromCharCode(97 + (n % 26))}${String.fromCharCode(97 + Math.floor(n / 26))}x`)
    engine.setArtifact('a', [item('a', 'Nothing to see in the body.', { title: words.join(' ') })])
    const [hit] = engine.search('cou', NO_SEARCH_FILTERS).hits
    expect(hit?.terms.length).toBeGreaterThan(0)
    expect(hit?.terms.length).toBeLessThanOrEqual(8)
  })

  it('replaces an artifact’s items when it changes and forgets them when it goes', () => {
    const engine = makeSearchEngine()
    engine.setArtifact('a', [item('a', 'first draft about housing'), item('a:comment:1', 'a comment on housing', { kind: 'comment' })])
    expect(ids(engine.search('housing', NO_SEARCH_FILTERS))).toEqual(['a', 'a:comment:1'])
    engine.setArtifact('a', [item('a', 'second draft about energy')])
    expect(ids(engine.search('housing', NO_SEARCH_FILTERS))).toEqual([])
    expect(ids(engine.search('energy', NO_SEARCH_FILTERS))).toEqual(['a'])
    engine.setArtifact('a', [])
    expect(ids(engine.search('energy', NO_SEARCH_FILTERS))).toEqual([])
    expect(engine.size()).toBe(0)
  })

  it('ignores items that claim to belong to another artifact, and repeated ids', () => {
    const engine = makeSearchEngine()
    engine.setArtifact('a', [item('b', 'stray'), item('a', 'one'), item('a', 'two')])
    expect(engine.size()).toBe(1)
    expect(ids(engine.search('stray', NO_SEARCH_FILTERS))).toEqual([])
  })

  it('takes new details of an item whose words did not change (for the filters)', () => {
    const engine = makeSearchEngine()
    engine.setArtifact('a', [item('a', 'housing', { council: 'Oldham Council' })])
    engine.setArtifact('a', [item('a', 'housing', { council: 'Cardiff Council' })])
    expect(ids(engine.search('housing', { ...NO_SEARCH_FILTERS, council: 'Cardiff Council' }))).toEqual(['a'])
  })

  it('filters by kind, author, council and date', () => {
    const engine = makeSearchEngine()
    engine.setArtifact('n', [item('n', 'energy', { author: 'Asha Patel', council: 'Oldham Council', date: Date.UTC(2026, 0, 10, 15) })])
    engine.setArtifact('p', [item('p:partner:1', 'energy', { kind: 'partner', author: 'Rhys Morgan', council: '', date: Date.UTC(2026, 5, 1) })])
    const search = (filters: Partial<typeof NO_SEARCH_FILTERS>) => ids(engine.search('energy', { ...NO_SEARCH_FILTERS, ...filters }))
    expect(search({})).toEqual(['n', 'p:partner:1'])
    expect(search({ kinds: ['partner'] })).toEqual(['p:partner:1'])
    expect(search({ kinds: ['partner', 'note'] })).toEqual(['n', 'p:partner:1'])
    expect(search({ author: 'Asha Patel' })).toEqual(['n'])
    expect(search({ council: 'Oldham Council' })).toEqual(['n'])
    // Both ends of a date range are whole days, included.
    expect(search({ from: '2026-01-10', to: '2026-01-10' })).toEqual(['n'])
    expect(search({ from: '2026-01-11' })).toEqual(['p:partner:1'])
    expect(search({ to: '2026-01-09' })).toEqual([])
    // A date that is not a date does not filter (the field gives none or a whole one).
    expect(search({ from: 'soon' })).toEqual(['n', 'p:partner:1'])
    expect(engine.choices()).toEqual({ authors: ['Asha Patel', 'Rhys Morgan'], councils: ['Oldham Council'] })
  })

  it('sends the best few of each kind and counts all that matched', () => {
    const engine = makeSearchEngine()
    for (let i = 0; i < 75; i++) engine.setArtifact(`a${i}`, [item(`a${i}`, `budget line ${i}`)])
    engine.setArtifact('c', [item('c:comment:1', 'the budget again', { kind: 'comment' })])
    const answer = engine.search('budget', NO_SEARCH_FILTERS)
    expect(answer.hits.filter((hit) => hit.item.kind === 'note')).toHaveLength(MAX_RESULTS_PER_GROUP)
    expect(answer.hits.filter((hit) => hit.item.kind === 'comment')).toHaveLength(1)
    expect(answer.total).toBe(76)
    expect(answer.byKind).toEqual({ note: 75, comment: 1 })
    // A query longer than the bound is cut, not refused.
    expect(engine.search(`budget ${'x'.repeat(10_000)}`, NO_SEARCH_FILTERS).total).toBe(0)
  })
})
