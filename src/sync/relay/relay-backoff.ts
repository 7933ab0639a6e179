/**
 * When to try the relay again: exponential from `baseMs`, capped at `maxMs`, with "full
 * jitter" (a random wait up to the step) so forty devices that lost the relay together do
 * not all come back in the same second.
 */
export interface BackoffTiming {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffTiming = { baseMs: 1000, maxMs: 60_000 }

export const backoffDelay = (attempt: number, timing: BackoffTiming, random: () => number): number => {
  const step = Math.min(timing.maxMs, timing.baseMs * 2 ** Math.min(attempt, 20))
  return Math.round(step / 2 + (random() * step) / 2)
}
