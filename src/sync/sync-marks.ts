/** Timing marks read by the sync benchmarks (tests/bench/sync-*.bench.ts); first of each only. */
const marked = new Set<string>()

export const mark = (name: string): void => {
  if (marked.has(name) || typeof performance === 'undefined' || typeof performance.mark !== 'function') return
  marked.add(name)
  performance.mark(`mutual:sync:${name}`)
}
