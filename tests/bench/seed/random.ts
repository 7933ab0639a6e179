import { makeRandom } from '../../fuzz/seeded-random'

/** The seed every bench uses unless MUTUAL_BENCH_SEED says otherwise; printed with the figures. */
export const DEFAULT_BENCH_SEED = 20260105

export const benchSeed = (): number => {
  const raw = process.env.MUTUAL_BENCH_SEED
  if (raw === undefined || raw === '') return DEFAULT_BENCH_SEED
  const seed = Number(raw)
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`MUTUAL_BENCH_SEED must be a whole number, not “${raw}”`)
  return seed
}

export type Random = ReturnType<typeof makeSeededRandom>

/** The fuzz tests' PRNG (mulberry32) with the helpers the seed generators need. */
export const makeSeededRandom = (seed: number) => {
  const base = makeRandom(seed)
  return {
    ...base,
    /** A whole number in [min, max], both included. */
    between: (min: number, max: number): number => min + base.int(max - min + 1),
    /** An unsigned 32-bit number, e.g. for a Yjs client id. */
    uint32: (): number => Math.floor(base.next() * 0x1_0000_0000) >>> 0,
    /** Fills bytes from the PRNG, in place (a stand-in for crypto.getRandomValues). */
    fill: <T extends ArrayBufferView>(view: T): T => {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
      for (let i = 0; i < bytes.length; i++) bytes[i] = base.int(256)
      return view
    },
    /** A copy of `items` in a random order. */
    shuffle: <T>(items: readonly T[]): T[] => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = base.int(i + 1)
        ;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
      }
      return copy
    }
  }
}

/**
 * Runs `fn` with `crypto.getRandomValues` drawing from the PRNG, so the ids that src/ makes
 * (artifacts, versions) are the same for the same seed and two runs produce identical bytes.
 * The real function is put back afterwards, even if `fn` throws.
 */
export const withSeededRandomBytes = <T>(random: Random, fn: () => T): T => {
  const target = globalThis.crypto as Crypto & { getRandomValues: Crypto['getRandomValues'] }
  const hadOwn = Object.prototype.hasOwnProperty.call(target, 'getRandomValues')
  const previous = target.getRandomValues
  target.getRandomValues = (<V extends ArrayBufferView | null>(view: V): V => {
    if (view) random.fill(view)
    return view
  }) as Crypto['getRandomValues']
  try {
    return fn()
  } finally {
    if (hadOwn) target.getRandomValues = previous
    else delete (target as { getRandomValues?: unknown }).getRandomValues
  }
}
