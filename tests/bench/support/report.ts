import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Where a bench leaves its figures when run on its own (gitignored). */
export const RESULTS_DIR = fileURLToPath(new URL('../results', import.meta.url))

export interface Summary {
  medianMs: number
  p95Ms: number
  minMs: number
  maxMs: number
  samplesMs: number[]
}

const round = (value: number): number => Math.round(value * 10) / 10

/** Median and 95th percentile (nearest rank) of timing samples, in milliseconds. */
export const summarise = (samples: readonly number[]): Summary => {
  if (samples.length === 0) throw new Error('No samples to summarise')
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median = sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
  return {
    medianMs: round(median),
    p95Ms: round(sorted[Math.ceil(0.95 * sorted.length) - 1] as number),
    minMs: round(sorted[0] as number),
    maxMs: round(sorted[sorted.length - 1] as number),
    samplesMs: samples.map(round)
  }
}

/** A figure beside its target. Benchmarks print targets; they never fail on them. */
export const againstTarget = (measured: number, target: number, unit: string) => ({
  measured,
  target,
  unit,
  met: measured <= target
})

/**
 * Prints a bench's figures as one JSON object on stdout and keeps a copy in
 * tests/bench/results/<name>.json. Under `npm run bench` (which sets MUTUAL_BENCH_OUT) the
 * copy goes there instead and the runner prints every bench's object once, at the end.
 */
export const reportFigures = (name: string, figures: Record<string, unknown>): void => {
  const json = JSON.stringify({ bench: name, ...figures }, null, 2)
  const dir = process.env.MUTUAL_BENCH_OUT || RESULTS_DIR
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, `${name}.json`), `${json}\n`)
  if (!process.env.MUTUAL_BENCH_OUT) console.log(json)
}
