import { describe, expect, it } from 'vitest'
import {
  decodeEnvelope,
  encodeCompactedEnvelope,
  encodePresenceEnvelope,
  encodeUpdateEnvelopes,
  makeSenderId
} from '../../../../src/sync/relay/relay-envelope'
import { makeRelayReassembler, type PartOf } from '../../../../src/sync/relay/relay-reassembly'

const sender = makeSenderId()
const update = Uint8Array.from({ length: 10 }, (_, i) => i + 1)

describe('envelopes', () => {
  it('lay out the header as the protocol says', () => {
    const [bytes] = encodeUpdateEnvelopes(sender, 3, 'ab', update)
    expect(bytes?.[0]).toBe(1)
    expect(bytes?.[1]).toBe(1)
    expect(bytes?.[22]).toBe(2)
    expect([...(bytes as Uint8Array).subarray(18, 22)]).toEqual([0, 0, 0, 3])
    expect([...(bytes as Uint8Array).subarray(25, 29)]).toEqual([0, 0, 0, 1]) // part 0 of 1
    expect((bytes as Uint8Array).length).toBe(23 + 2 + 4 + update.length)
  })

  it('round-trip updates, compacted states and presence', () => {
    const [bytes] = encodeUpdateEnvelopes(sender, 3, '', update)
    expect(decodeEnvelope(bytes as Uint8Array)).toEqual({
      ok: true,
      envelope: { kind: 'update', sender, counter: 3, docKey: '', part: 0, parts: 1, payload: update }
    })
    const senders = [{ sender: makeSenderId(), counter: 9 }, { sender, counter: 2 }]
    expect(decodeEnvelope(encodeCompactedEnvelope(sender, 4, '', senders, update))).toEqual({
      ok: true,
      envelope: { kind: 'compacted', sender, counter: 4, docKey: '', part: 0, parts: 1, senders, update }
    })
    expect(decodeEnvelope(encodePresenceEnvelope(sender, 1, update))).toEqual({ ok: true, envelope: { kind: 'presence', sender, counter: 1, payload: update } })
  })

  it('split a large update into parts with one counter', () => {
    const envelopes = encodeUpdateEnvelopes(sender, 7, '', update, 4)
    expect(envelopes).toHaveLength(3)
    const decoded = envelopes.map((e) => decodeEnvelope(e))
    expect(decoded.map((d) => (d.ok && d.envelope.kind === 'update' ? [d.envelope.counter, d.envelope.part, d.envelope.parts] : null))).toEqual([
      [7, 0, 3],
      [7, 1, 3],
      [7, 2, 3]
    ])
  })

  it('refuse anything cut short, of another version or kind, or with impossible fields', () => {
    const [good] = encodeUpdateEnvelopes(sender, 1, '', update) as [Uint8Array]
    const variants: Uint8Array[] = [
      good.subarray(0, 22),
      good.subarray(0, 25),
      good.subarray(0, 27),
      Uint8Array.from(good, (b, i) => (i === 0 ? 2 : b)),
      Uint8Array.from(good, (b, i) => (i === 1 ? 9 : b)),
      Uint8Array.from(good, (b, i) => (i === 22 ? 65 : b)),
      Uint8Array.from(good, (b, i) => (i >= 18 && i < 22 ? 0 : b)),
      Uint8Array.from(good, (b, i) => (i === 24 ? 1 : b)), // part 1 of 1
      Uint8Array.from(good, (b, i) => (i === 26 ? 0 : b)) // 0 parts
    ]
    for (const bytes of variants) expect(decodeEnvelope(bytes).ok).toBe(false)
    const compacted = encodeCompactedEnvelope(sender, 1, '', [{ sender, counter: 1 }], update)
    expect(decodeEnvelope(compacted.subarray(0, 23 + 4 + 2 + 10)).ok).toBe(false)
    expect(decodeEnvelope(encodeCompactedEnvelope(sender, 1, '', [], new Uint8Array(0))).ok).toBe(false)
  })
})

describe('reassembly of parts', () => {
  const parts = (counter: number, payload: Uint8Array, size: number) =>
    encodeUpdateEnvelopes(sender, counter, '', payload, size).map((bytes) => {
      const decoded = decodeEnvelope(bytes)
      if (!decoded.ok || decoded.envelope.kind !== 'update') throw new Error('bad')
      return decoded.envelope
    })

  it('puts parts back together in any order, ignoring a repeated part', () => {
    const reassembler = makeRelayReassembler()
    const [a, b, c] = parts(1, update, 4) as [ReturnType<typeof parts>[number], ReturnType<typeof parts>[number], ReturnType<typeof parts>[number]]
    expect(reassembler.add(c, 0).kind).toBe('partial')
    expect(reassembler.add(a, 0).kind).toBe('partial')
    expect(reassembler.add(a, 0).kind).toBe('partial')
    const done = reassembler.add(b, 0)
    expect(done.kind === 'message' && [...done.payload]).toEqual([...update])
    expect(reassembler.pendingCount()).toBe(0)
  })

  it('bounds parts, bytes, waiting messages and waiting time', () => {
    const limits = { maxParts: 4, maxBytes: 8, maxPending: 2, timeoutMs: 1000 }
    const reassembler = makeRelayReassembler(limits)
    expect(reassembler.add({ ...(parts(1, new Uint8Array(10), 2)[0] as PartOf), parts: 5 }, 0).kind).toBe('dropped')
    const big = parts(2, new Uint8Array(12), 4)
    reassembler.add(big[0] as never, 0)
    reassembler.add(big[1] as never, 0)
    expect(reassembler.add(big[2] as never, 0)).toEqual({ kind: 'dropped', reason: 'a message over 8 bytes' })
    reassembler.add(parts(3, update, 4)[0] as never, 0)
    reassembler.add(parts(4, update, 4)[0] as never, 0)
    expect(reassembler.add(parts(5, update, 4)[0] as never, 0).kind).toBe('dropped')
    expect(reassembler.expire(2000)).toBe(2)
    expect(reassembler.pendingCount()).toBe(0)
  })
})
