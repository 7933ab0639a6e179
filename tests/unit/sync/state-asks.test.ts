import { describe, expect, it } from 'vitest'
import { ANSWER_CHECK_MS, ANSWER_MAX_MS, ANSWER_STALL_MS, makeStateAsks, type AskClock } from '../../../src/sync/state-asks'

/** A clock the test moves by hand; timers fire as it passes them. */
const makeClock = () => {
  let now = 1_000
  let timers: { at: number; run: () => void; id: number }[] = []
  let ids = 0
  const clock: AskClock = {
    now: () => now,
    setTimeout: (run, ms) => {
      const id = ++ids
      timers.push({ at: now + ms, run, id })
      return id
    },
    clearTimeout: (id) => {
      timers = timers.filter((timer) => timer.id !== id)
    }
  }
  const advance = (ms: number): void => {
    const until = now + ms
    for (;;) {
      const due = timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      timers = timers.filter((timer) => timer !== due)
      now = due.at
      due.run()
    }
    now = until
  }
  return { clock, advance, pending: () => timers.length }
}

describe('asking peers for what this device lacks, one whole state at a time', () => {
  it('holds asks to other peers while one answer is on its way, then sends them afresh once it is applied', () => {
    const { clock } = makeClock()
    const asks = makeStateAsks(clock)
    const sent: string[] = []
    expect(asks.ask('host', () => sent.push('host'))).toBe(true)
    expect(asks.ask('colleague', () => sent.push('colleague'))).toBe(false)
    expect(asks.ask('third', () => sent.push('third'))).toBe(false)
    expect(asks.counts()).toEqual({ onTheirWay: 1, waiting: 2 })

    // The host's whole lab arrives in parts, then is checked and applied.
    asks.progressed('host')
    asks.checking('host')
    expect(sent).toEqual([])
    asks.answered('host')
    expect(sent).toEqual(['colleague', 'third'])
    expect(asks.counts()).toEqual({ onTheirWay: 2, waiting: 0 })
  })

  it('sends an ask at once when nothing is on its way, and a second ask of the same peer at once', () => {
    const { clock } = makeClock()
    const asks = makeStateAsks(clock)
    expect(asks.ask('host', () => {})).toBe(true)
    expect(asks.ask('host', () => {})).toBe(true)
    asks.answered('host')
    expect(asks.ask('colleague', () => {})).toBe(true)
  })

  it('lets the waiting asks go when the answering connection closes, and forgets asks to a closed one', () => {
    const { clock } = makeClock()
    const asks = makeStateAsks(clock)
    const sent: string[] = []
    asks.ask('host', () => {})
    asks.ask('gone', () => sent.push('gone'))
    asks.ask('colleague', () => sent.push('colleague'))
    asks.closed('gone')
    expect(sent).toEqual([])
    asks.closed('host')
    expect(sent).toEqual(['colleague'])
  })

  it('stops waiting for an answer that never starts, or stops arriving part-way', () => {
    const { clock, advance } = makeClock()
    const asks = makeStateAsks(clock)
    const sent: string[] = []
    asks.ask('silent', () => {})
    asks.ask('colleague', () => sent.push('colleague'))
    advance(ANSWER_STALL_MS - 1)
    expect(sent).toEqual([])
    advance(1)
    expect(sent).toEqual(['colleague'])

    const second = makeStateAsks(clock)
    const later: string[] = []
    second.ask('slow', () => {})
    second.ask('colleague', () => later.push('colleague'))
    // Parts keep coming for a while: each moves the limit on.
    for (let part = 0; part < 5; part++) {
      advance(ANSWER_STALL_MS / 2)
      second.progressed('slow')
    }
    expect(later).toEqual([])
    advance(ANSWER_STALL_MS)
    expect(later).toEqual(['colleague'])
  })

  it('gives a check its own, longer limit, and no answer more than the overall one', () => {
    const { clock, advance } = makeClock()
    const asks = makeStateAsks(clock)
    const sent: string[] = []
    asks.ask('host', () => {})
    asks.ask('colleague', () => sent.push('colleague'))
    asks.checking('host')
    advance(ANSWER_STALL_MS + 1)
    expect(sent).toEqual([])
    advance(ANSWER_CHECK_MS)
    expect(sent).toEqual(['colleague'])

    // A peer that keeps sending parts for ever cannot hold the others past the overall limit.
    const second = makeStateAsks(clock)
    const later: string[] = []
    second.ask('endless', () => {})
    second.ask('colleague', () => later.push('colleague'))
    for (let elapsed = 0; elapsed < ANSWER_MAX_MS - 1_000; elapsed += 1_000) {
      advance(1_000)
      second.progressed('endless')
    }
    expect(later).toEqual([])
    advance(1_000)
    expect(later).toEqual(['colleague'])
  })

  it('keeps no timer once nothing waits, and none after it stops', () => {
    const { clock, pending } = makeClock()
    const asks = makeStateAsks(clock)
    asks.ask('host', () => {})
    expect(pending()).toBe(0)
    asks.ask('colleague', () => {})
    expect(pending()).toBe(1)
    asks.stop()
    expect(pending()).toBe(0)
    expect(asks.ask('another', () => {})).toBe(true)
  })
})
