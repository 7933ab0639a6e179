/** A small seeded PRNG (mulberry32) so a failing random run can be replayed from its seed. */
export const makeRandom = (seed: number) => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (max: number): number => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from empty list')
      return items[Math.floor(next() * items.length)] as T
    },
    chance: (p: number): boolean => next() < p
  }
}

/** Seeds to run: a fixed set for CI, or FUZZ_SEED to replay one. */
export const fuzzSeeds = (count: number, base = 1): number[] =>
  process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : Array.from({ length: count }, (_, i) => base + i * 7919)
