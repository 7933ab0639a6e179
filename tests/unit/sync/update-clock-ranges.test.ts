import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addHeldRanges, EMPTY_SUMMARY } from '../../../src/sync/relay/relay-held'
import { makeRelayUpdateCheck } from '../../../src/sync/relay/relay-update-check'
import { clockRangesOf } from '../../../src/sync/update-clock-ranges'

/** Three edits by one writer, each as the update it made. */
const threeEdits = (): { doc: Y.Doc; updates: Uint8Array[] } => {
  const doc = new Y.Doc({ gc: false })
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  for (const words of ['first ', 'second ', 'third']) doc.getText('t').insert(doc.getText('t').length, words)
  return { doc, updates }
}

describe('the clock ranges an update carries', () => {
  it('folds a writer’s consecutive changes into one range', () => {
    const { doc } = threeEdits()
    expect(clockRangesOf(Y.encodeStateAsUpdate(doc))).toEqual([[doc.clientID, 0, 'first second third'.length]])
  })

  it('keeps a hole apart, and the relay is counted as holding only what runs on without one', () => {
    const { doc, updates } = threeEdits()
    const withHole = Y.mergeUpdates([updates[0] as Uint8Array, updates[2] as Uint8Array])
    const ranges = clockRangesOf(withHole)
    expect(ranges).toEqual([
      [doc.clientID, 0, 'first '.length],
      [doc.clientID, 'first second '.length, 'first second third'.length]
    ])
    const held = addHeldRanges(EMPTY_SUMMARY, ranges, 0)
    expect(held.sv.get(doc.clientID)).toBe('first '.length)
    // The missing change arrives: the writer's clock runs on, and the range after it counts again.
    const filled = addHeldRanges(held, clockRangesOf(updates[1] as Uint8Array), 0)
    expect(filled.sv.get(doc.clientID)).toBe('first second '.length)
    expect(addHeldRanges(filled, ranges, 0).sv.get(doc.clientID)).toBe('first second third'.length)
  })

  it('throws on bytes that do not decode whole', () => {
    const { doc } = threeEdits()
    const update = Y.encodeStateAsUpdate(doc)
    expect(() => clockRangesOf(update.subarray(0, update.length - 3))).toThrow()
  })
})

describe('checking an update from the relay', () => {
  const large = (): Uint8Array => {
    const doc = new Y.Doc({ gc: false })
    doc.getText('t').insert(0, 'x'.repeat(300 * 1024))
    return Y.encodeStateAsUpdate(doc)
  }

  it('decodes a large update here when the worker could not start, rather than lose the entry', async () => {
    const update = large()
    const check = makeRelayUpdateCheck(async () => ({ ok: false, problem: 'could-not-check' }))
    expect(await check(update)).toEqual(clockRangesOf(update))
  })

  it('refuses a large update the worker found too slow, and garbage of any size', async () => {
    expect(await makeRelayUpdateCheck(async () => ({ ok: false, problem: 'too-slow' }))(large())).toBeNull()
    expect(await makeRelayUpdateCheck(null)(new Uint8Array([9, 9, 9]))).toBeNull()
    expect(await makeRelayUpdateCheck(null)(new Uint8Array())).toBeNull()
  })
})
