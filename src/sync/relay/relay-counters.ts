import type { SenderCounter } from './relay-envelope'

/**
 * Each sender numbers its messages 1, 2, 3 …; a jump (5 after 3) means the relay dropped
 * something. A repeat is a resend, harmless. Senders are tracked from when this device first
 * hears of them (an entry, or a snapshot's list), at most MAX_SENDERS of them, the most recent.
 */
export const MAX_SENDERS = 1000
/** Missing counters remembered per sender: beyond this a gap is a gap, whatever its size. */
const MAX_MISSING = 64

export interface SenderCounters {
  /** Records a counter; true when it shows a gap. */
  see(sender: string, counter: number): boolean
  /** A snapshot's list: what it covers is no longer missing. */
  covered(list: readonly SenderCounter[]): void
  hasGap(): boolean
  /** The most recent senders' last counters, for this device's own snapshot. */
  latest(): SenderCounter[]
}

export const makeSenderCounters = (): SenderCounters => {
  const last = new Map<string, number>()
  const missing = new Map<string, Set<number>>()
  const touch = (sender: string, counter: number): void => {
    last.delete(sender)
    last.set(sender, counter)
    if (last.size > MAX_SENDERS) {
      const oldest = last.keys().next().value as string
      last.delete(oldest)
      missing.delete(oldest)
    }
  }
  return {
    see(sender, counter) {
      const previous = last.get(sender)
      const gaps = missing.get(sender)
      if (gaps?.delete(counter) && gaps.size === 0) missing.delete(sender)
      if (previous === undefined || counter <= previous) {
        touch(sender, Math.max(counter, previous ?? 0))
        return false
      }
      touch(sender, counter)
      if (counter === previous + 1) return false
      const set = missing.get(sender) ?? new Set<number>()
      for (let c = previous + 1; c < counter && set.size < MAX_MISSING; c++) set.add(c)
      missing.set(sender, set)
      return true
    },
    covered(list) {
      for (const { sender, counter } of list) {
        const gaps = missing.get(sender)
        if (gaps) {
          for (const c of gaps) if (c <= counter) gaps.delete(c)
          if (gaps.size === 0) missing.delete(sender)
        }
        if ((last.get(sender) ?? 0) < counter) touch(sender, counter)
      }
    },
    hasGap: () => missing.size > 0,
    latest: () => [...last.entries()].slice(-MAX_SENDERS).map(([sender, counter]) => ({ sender, counter }))
  }
}
