/**
 * Issue 16's search benchmark, on the bench lab (24 months unless MUTUAL_BENCH_LAB_MONTHS
 * says 6 or 12; seeded, MUTUAL_BENCH_SEED). It prints:
 * - reading the workspace into search items, as the page does in idle moments (total, and
 *   the slowest single artifact, which bounds the longest task it adds to the page);
 * - copying those items to the worker (structured clone, what postMessage does);
 * - building the index: the worker's own work (search-service's engine), here in Node;
 *   target ≤ 1 s;
 * - each keystroke's search: a person typing realistic queries a letter at a time, from the
 *   query to the grouped results with their excerpts; target (with painting) ≤ 50 ms p95.
 * Painting is not included: these are the floors of the in-browser figures.
 */
import { it } from 'vitest'
import { readSearchItems } from '../../src/crdt/search-items'
import { NO_SEARCH_FILTERS } from '../../src/domain/search/search-filters'
import type { SearchItem } from '../../src/domain/search/search-item'
import { makeSearchEngine } from '../../src/reactive/search/search-engine'
import { groupHits } from '../../src/ui/features/search/group-hits'
import { againstTarget, reportFigures, summarise } from './support/report'
import { benchLabMonths, benchLabOptions, checkBenchWorkspace, describeBenchWorkspace, makeBenchWorkspace } from './seed/workspace'
import { artifactsMap } from '../../src/crdt/workspace-doc'

const SEED = Number(process.env.MUTUAL_BENCH_SEED ?? 2)
const QUERIES = ['community wealth building', 'allotments', 'housing officers', 'procurment', 'young carers', 'credit union', 'ynys mon', 'food bank']

it('search: reading the lab, building the index, and each keystroke', () => {
  const months = benchLabMonths(24)
  const options = benchLabOptions(months)
  const lab = makeBenchWorkspace({ seed: SEED, ...options })
  checkBenchWorkspace(lab, options)

  // Reading, one artifact at a time as the page's idle batches do.
  const perArtifact: number[] = []
  const items: [string, SearchItem[]][] = []
  const readStarted = performance.now()
  for (const id of artifactsMap(lab.doc).keys()) {
    const started = performance.now()
    const read = readSearchItems(lab.doc, { viewerId: 'bench' }, new Set([id]))
    perArtifact.push(performance.now() - started)
    items.push(...read)
  }
  const readMs = performance.now() - readStarted

  const cloneStarted = performance.now()
  structuredClone(items)
  const cloneMs = performance.now() - cloneStarted

  const engine = makeSearchEngine()
  const buildStarted = performance.now()
  for (const [artifactId, list] of items) engine.setArtifact(artifactId, list)
  const buildMs = performance.now() - buildStarted

  const keystrokes: number[] = []
  let results = 0
  for (const query of QUERIES) {
    for (let length = 1; length <= query.length; length++) {
      const started = performance.now()
      const answer = engine.search(query.slice(0, length), NO_SEARCH_FILTERS)
      groupHits(answer.hits)
      keystrokes.push(performance.now() - started)
      if (length === query.length) results += answer.total
    }
  }
  const keystroke = summarise(keystrokes)
  const itemCount = items.reduce((n, [, list]) => n + list.length, 0)
  reportFigures('search', {
    seed: SEED,
    labMonths: months,
    workspace: describeBenchWorkspace(lab),
    items: itemCount,
    textCharacters: items.reduce((n, [, list]) => n + list.reduce((m, item) => m + item.text.length, 0), 0),
    readItems: { totalMs: Math.round(readMs), slowestArtifactMs: Math.round(Math.max(...perArtifact) * 10) / 10, artifacts: perArtifact.length },
    copyToWorkerMs: Math.round(cloneMs),
    buildIndex: againstTarget(Math.round(buildMs), 1000, 'ms'),
    keystrokeToResults: { ...keystroke, samplesMs: undefined, keystrokes: keystrokes.length, ...againstTarget(keystroke.p95Ms, 50, 'ms (p95)') },
    resultsForFullQueries: results,
    note: 'Node, one process: the index is built and queried by the worker’s own code (search-service’s engine); painting the results is not included.'
  })
})
