import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { covers, digestSummary, readStoredSummary, storeSummary, trackState, type StateTracker } from '../../../src/sync/state-summary'

const now = (task: () => void): void => task()

const tracked = (doc: Y.Doc): StateTracker => trackState(doc, () => {}, now)

const summaryOf = (tracker: StateTracker) => {
  const summary = tracker.summary()
  if (!summary) throw new Error('not counted')
  return summary
}

describe('state summaries', () => {
  it('are equal for two devices holding the same document, whatever order changes arrived in', () => {
    const a = new Y.Doc({ gc: false })
    const b = new Y.Doc({ gc: false })
    const ta = tracked(a)
    const tb = tracked(b)
    a.getText('t').insert(0, 'hello world')
    const first = Y.encodeStateAsUpdate(a)
    a.getText('t').delete(0, 6)
    const second = Y.encodeStateAsUpdate(a)
    Y.applyUpdate(b, second)
    Y.applyUpdate(b, first)
    expect(digestSummary(summaryOf(ta))).toBe(digestSummary(summaryOf(tb)))
    expect(summaryOf(ta).deleted).toBe(6)
  })

  it('change when something is only deleted, which a state vector alone would miss', () => {
    const doc = new Y.Doc({ gc: false })
    const tracker = tracked(doc)
    doc.getText('t').insert(0, 'a sentence to trim')
    const before = summaryOf(tracker)
    doc.getText('t').delete(0, 2)
    const after = summaryOf(tracker)
    expect([...after.sv]).toEqual([...before.sv])
    expect(digestSummary(after)).not.toBe(digestSummary(before))
    expect(covers(before, after)).toBe(false)
    expect(covers(after, before)).toBe(true)
  })

  it('count what was already deleted when counting starts, then each deletion as it happens', () => {
    const doc = new Y.Doc({ gc: false })
    doc.getText('t').insert(0, 'abcdefghij')
    doc.getText('t').delete(2, 3)
    let ready = false
    const queued: (() => void)[] = []
    const tracker = trackState(doc, () => (ready = true), (task) => queued.push(task))
    expect(tracker.summary()).toBeNull()
    queued.forEach((task) => task())
    expect(ready).toBe(true)
    expect(summaryOf(tracker).deleted).toBe(3)
    doc.getText('t').delete(0, 1)
    expect(summaryOf(tracker).deleted).toBe(4)
    tracker.destroy()
    doc.getText('t').delete(0, 1)
    expect(tracker.summary()?.deleted).toBe(4)
  })

  it('store and read back, and read a damaged record as nothing', () => {
    const doc = new Y.Doc({ gc: false })
    const tracker = tracked(doc)
    doc.getMap('m').set('k', 'v')
    const summary = summaryOf(tracker)
    expect(readStoredSummary(storeSummary(summary))).toEqual(summary)
    expect(readStoredSummary({ sv: '!!', deleted: 0 })).toBeNull()
    expect(readStoredSummary(null)).toBeNull()
  })
})
