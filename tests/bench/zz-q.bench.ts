import { it } from 'vitest'
import { readFileSync } from 'node:fs'
import MiniSearch from 'minisearch'
import { searchWords, foldText } from '../../src/domain/search/normalise'
import { makeExcerpt } from '../../src/domain/search/excerpt'
const QUERIES = ['community wealth building', 'allotments', 'housing officers', 'procurment', 'young carers', 'credit union', 'ynys mon', 'food bank']
it('q', () => {
  const items = JSON.parse(readFileSync('/tmp/sp-items-12.json', 'utf8')) as any[]
  const byId = new Map(items.map((i) => [i.id, i]))
  const folded = new Map(items.map((i) => [i.id, foldText(i.text || i.title)]))
  const ms = new MiniSearch<any>({ idField: 'id', fields: ['title', 'text'], tokenize: (text, f) => (f === 'text' ? [...new Set(searchWords(text))] : searchWords(text)), processTerm: (x) => x,
    searchOptions: { prefix: (t: string) => t.length >= 2, fuzzy: (t: string) => (t.length >= 4 ? 0.2 : false), maxFuzzy: 2, boost: { title: 2 }, combineWith: 'AND' as const } })
  ms.addAll(items)
  const rows: string[] = []
  let qt = 0, et = 0
  for (let rep = 0; rep < 2; rep++) for (const q of QUERIES) for (let l = 1; l <= q.length; l++) {
    const text = q.slice(0, l)
    let t = performance.now()
    const res = ms.search(text)
    const a = performance.now() - t
    t = performance.now()
    for (const r of res.slice(0, 60)) makeExcerpt(byId.get(r.id).text || byId.get(r.id).title, new Set(r.terms), { folded: folded.get(r.id) })
    const b = performance.now() - t
    if (rep === 1) { qt += a; et += b; if (a + b > 15) rows.push(`${text}: query ${a.toFixed(1)} excerpts ${b.toFixed(1)} results ${res.length} terms ${new Set(res.flatMap((r) => r.terms)).size}`) }
  }
  console.log(rows.join('\n')); console.log('total query', qt, 'excerpts', et)
})
