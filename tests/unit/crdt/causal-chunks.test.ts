import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sameBytes } from '../../../src/domain/same-bytes'
import { splitIntoCausalChunks } from '../../../src/crdt/causal-chunks'
import { fuzzSeeds, makeRandom } from '../../fuzz/seeded-random'

type Random = ReturnType<typeof makeRandom>

/** Several sittings of several devices: typing, deleting, map writes, nested types, some of them concurrent. */
const makeHistory = (random: Random): Y.Doc => {
  const devices = [0, 1, 2].map(() => new Y.Doc({ gc: false }))
  const syncAll = (): void => {
    for (const from of devices) for (const to of devices) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  }
  for (let sitting = 0; sitting < 40; sitting++) {
    // A new sitting is a new client, as opening the workspace again is.
    const index = random.int(devices.length)
    const fresh = new Y.Doc({ gc: false })
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(devices[index] as Y.Doc))
    devices[index] = fresh
    for (let edit = 0; edit < 30; edit++) {
      const doc = random.pick(devices)
      const notes = doc.getMap<Y.Map<unknown>>('artifacts')
      const key = `note-${random.int(6)}`
      let note = notes.get(key)
      if (!note) {
        note = new Y.Map<unknown>()
        note.set('body', new Y.Text())
        notes.set(key, note)
      }
      const body = note.get('body') as Y.Text
      const roll = random.next()
      if (roll < 0.6) body.insert(random.int(body.length + 1), 'word '.repeat(1 + random.int(20)))
      else if (roll < 0.8 && body.length > 0) {
        const at = random.int(body.length)
        body.delete(at, Math.min(body.length - at, 1 + random.int(15)))
      } else note.set('title', `Title ${random.int(1000)}`)
    }
    // Sometimes devices stay apart for a while, so their sittings are concurrent and cite each other.
    if (random.chance(0.6)) syncAll()
  }
  syncAll()
  return devices[0] as Y.Doc
}

/** Applies the chunks in order, checking that each applied whole (nothing held back as pending). */
const applyChunks = (chunks: Uint8Array[]): Y.Doc => {
  const doc = new Y.Doc({ gc: false })
  const expected = new Map<number, number>()
  for (const chunk of chunks) {
    Y.applyUpdate(doc, chunk)
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(chunk))) expected.set(client, Math.max(expected.get(client) ?? 0, clock))
    expect(Y.decodeStateVector(Y.encodeStateVector(doc))).toEqual(expected)
  }
  return doc
}

describe('splitIntoCausalChunks', () => {
  it.each(fuzzSeeds(8))('seed %i: chunks apply one by one, nothing pending, to exactly the original', (seed) => {
    const original = makeHistory(makeRandom(seed))
    const update = Y.encodeStateAsUpdate(original)
    const chunks = splitIntoCausalChunks(update, 2_000)
    expect(chunks.length, `seed ${seed}`).toBeGreaterThan(3)
    const rebuilt = applyChunks(chunks)
    expect(sameBytes(Y.encodeStateAsUpdate(rebuilt), update), `seed ${seed}`).toBe(true)
    expect(rebuilt.getMap('artifacts').toJSON()).toEqual(original.getMap('artifacts').toJSON())
  })

  it('keeps two clients that cite each other in one chunk', () => {
    const a = new Y.Doc({ gc: false })
    const b = new Y.Doc({ gc: false })
    const exchange = (): void => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    }
    // Each types after the other's last words, in turn: each client cites the other.
    for (let turn = 0; turn < 20; turn++) {
      const doc = turn % 2 === 0 ? a : b
      const text = doc.getText('report')
      text.insert(text.length, `turn ${turn} `.repeat(40))
      exchange()
    }
    const base = new Y.Doc({ gc: false })
    base.getText('other').insert(0, 'x'.repeat(5_000))
    const update = Y.mergeUpdates([Y.encodeStateAsUpdate(base), Y.encodeStateAsUpdate(a)])
    const chunks = splitIntoCausalChunks(update, 1_000)
    expect(chunks.length).toBe(2)
    const rebuilt = applyChunks(chunks)
    expect(rebuilt.getText('report').toString()).toBe(a.getText('report').toString())
  })

  it('carries each deletion once, right after the chunk that holds what it deletes', () => {
    const original = makeHistory(makeRandom(42))
    const update = Y.encodeStateAsUpdate(original)
    const chunks = splitIntoCausalChunks(update, 2_000)
    const deletedRanges = (chunk: Uint8Array): number => [...Y.decodeUpdate(chunk).ds.clients.values()].reduce((n, ranges) => n + ranges.length, 0)
    expect(chunks.map(deletedRanges).reduce((a, b) => a + b, 0)).toBe(deletedRanges(update))
    // Spread over several chunks, not applied at once.
    expect(chunks.filter((chunk) => deletedRanges(chunk) > 0).length).toBeGreaterThan(2)
    const had = new Set<number>()
    for (const chunk of chunks) {
      const { structs, ds } = Y.decodeUpdate(chunk)
      for (const struct of structs) had.add(struct.id.client)
      for (const client of ds.clients.keys()) expect(had.has(client)).toBe(true)
    }
  })

  it('gives a small update back whole', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'short')
    const update = Y.encodeStateAsUpdate(doc)
    expect(splitIntoCausalChunks(update)).toEqual([update])
  })

  it('gives an update with a gap back whole: it cannot be ordered, and applies as before', () => {
    const doc = new Y.Doc({ gc: false })
    const text = doc.getText('t')
    text.insert(0, 'a'.repeat(3_000))
    const before = Y.encodeStateVector(doc)
    text.insert(3_000, 'b'.repeat(3_000))
    const middle = Y.encodeStateVector(doc)
    text.insert(6_000, 'c'.repeat(3_000))
    // The first and last parts only: the middle is missing, so Yjs writes a Skip in its place.
    const firstPart = Y.encodeStateAsUpdate(docUpTo(doc, before))
    const lastPart = Y.diffUpdate(Y.encodeStateAsUpdate(doc), middle)
    const withGap = Y.mergeUpdates([firstPart, lastPart])
    expect(Y.decodeUpdate(withGap).structs.some((s) => s instanceof Y.Skip)).toBe(true)
    expect(splitIntoCausalChunks(withGap, 1_000)).toEqual([withGap])
  })
})

/** A copy of the document as it was at a state vector (gc is off, so it can be rebuilt). */
const docUpTo = (doc: Y.Doc, stateVector: Uint8Array): Y.Doc =>
  Y.createDocFromSnapshot(doc, Y.createSnapshot(Y.createDeleteSet(), Y.decodeStateVector(stateVector)))
