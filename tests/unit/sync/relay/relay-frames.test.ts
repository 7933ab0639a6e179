import { describe, expect, it } from 'vitest'
import {
  decodeRelayFrame,
  encodeAppend,
  encodeCompact,
  encodeHello,
  encodePresence,
  MAX_ENTRY_BYTES,
  MAX_PRESENCE_BYTES
} from '../../../../src/sync/relay/relay-frames'

const frame = (type: number, ...body: number[]): Uint8Array => Uint8Array.from([1, type, ...body])
const u64 = (n: number): number[] => {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(n))
  return [...bytes]
}
const u32 = (n: number): number[] => {
  const bytes = new Uint8Array(4)
  new DataView(bytes.buffer).setUint32(0, n)
  return [...bytes]
}

describe('client frames', () => {
  it('lay out HELLO, APPEND, COMPACT and PRESENCE as the protocol says', () => {
    const token = new Uint8Array(32).fill(7)
    expect([...encodeHello(token, 300)]).toEqual([1, 0x01, ...token, ...u64(300)])
    expect([...encodeAppend(5, Uint8Array.of(9, 9))]).toEqual([1, 0x02, ...u32(5), 9, 9])
    expect([...encodeCompact(6, 2 ** 40, Uint8Array.of(8))]).toEqual([1, 0x03, ...u32(6), ...u64(2 ** 40), 8])
    expect([...encodePresence(Uint8Array.of(4))]).toEqual([1, 0x04, 4])
  })

  it('refuse to build frames over their limits or with impossible numbers', () => {
    expect(() => encodeHello(new Uint8Array(31), 0)).toThrow()
    expect(() => encodeHello(new Uint8Array(32), -1)).toThrow()
    expect(() => encodeAppend(1, new Uint8Array(MAX_ENTRY_BYTES + 1))).toThrow()
    expect(() => encodePresence(new Uint8Array(MAX_PRESENCE_BYTES + 1))).toThrow()
    expect(() => encodeAppend(2 ** 32, new Uint8Array(1))).toThrow()
  })
})

describe('relay frames', () => {
  it('decode every frame type', () => {
    const rates = [...u32(100), ...u32(400), ...u32(8 << 20), ...u32(72 << 20)]
    expect(decodeRelayFrame(frame(0x81, ...u64(10), ...u64(4), ...u32(6), ...u64(1000), ...rates))).toEqual({
      ok: true,
      frame: {
        type: 'welcome',
        head: 10,
        snapshotCovers: 4,
        logEntries: 6,
        logBytes: 1000,
        rates: { framesPerSecond: 100, frameBurst: 400, bytesPerSecond: 8 << 20, byteBurst: 72 << 20 }
      }
    })
    expect(decodeRelayFrame(frame(0x82, ...u64(4), 1, 2))).toEqual({ ok: true, frame: { type: 'snapshot', covers: 4, sealed: Uint8Array.of(1, 2) } })
    expect(decodeRelayFrame(frame(0x83, ...u64(5), 3))).toEqual({ ok: true, frame: { type: 'entry', seq: 5, sealed: Uint8Array.of(3) } })
    expect(decodeRelayFrame(frame(0x84, ...u64(10)))).toEqual({ ok: true, frame: { type: 'caught-up', head: 10 } })
    expect(decodeRelayFrame(frame(0x85, ...u32(3), ...u64(11)))).toEqual({ ok: true, frame: { type: 'ack', ref: 3, seq: 11 } })
    expect(decodeRelayFrame(frame(0x86, 7))).toEqual({ ok: true, frame: { type: 'presence', sealed: Uint8Array.of(7) } })
    const message = [...new TextEncoder().encode('database down')]
    expect(decodeRelayFrame(frame(0x87, 5, ...u32(9), ...message))).toEqual({ ok: true, frame: { type: 'error', code: 5, ref: 9, message: 'database down' } })
    // An ArrayBuffer (what a browser WebSocket gives) reads the same.
    expect(decodeRelayFrame(frame(0x84, ...u64(1)).buffer).ok).toBe(true)
  })

  it('say "newer version" for a frame from a newer protocol', () => {
    expect(decodeRelayFrame(Uint8Array.of(2, 0x84, ...u64(1)))).toEqual({ ok: false, problem: 'newer-version', version: 2 })
  })

  it('turn malformed, unknown and oversized frames into problems', () => {
    const bad: unknown[] = [
      'text frame',
      null,
      new Uint8Array(0),
      Uint8Array.of(1),
      Uint8Array.of(0, 0x84, ...u64(1)),
      frame(0x01, ...u64(1)), // a client frame from the relay
      frame(0x99),
      frame(0x84, ...u64(1), 0), // trailing byte
      frame(0x85, ...u32(1)), // cut short
      frame(0x83, ...u64(5)), // no sealed blob
      frame(0x83, ...u64(0), 1), // seq 0
      frame(0x84, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), // u64 over 2^53
      frame(0x81, ...u64(3), ...u64(4), ...u32(0), ...u64(0), ...u32(1), ...u32(1), ...u32(1), ...u32(1)), // snapshot above head
      frame(0x81, ...u64(3), ...u64(1), ...u32(0), ...u64(0), ...u32(1), ...u32(0), ...u32(1), ...u32(1)), // a rate of 0
      frame(0x81, ...u64(3), ...u64(1), ...u32(0), ...u64(0)), // without its rates
      frame(0x87), // error without a code
      frame(0x87, 5, 0, 0), // error with its ref cut short
      frame(0x87, 5, ...u32(1), 0xff, 0xfe), // not UTF-8
      frame(0x87, 5, ...u32(1), ...new Array(201).fill(65)),
      frame(0x86, ...new Array(MAX_PRESENCE_BYTES + 1).fill(0))
    ]
    for (const input of bad) {
      const decoded = decodeRelayFrame(input)
      expect(decoded.ok, String(input instanceof Uint8Array ? [...input.subarray(0, 12)] : input)).toBe(false)
    }
    const oversizedEntry = new Uint8Array(2 + 8 + MAX_ENTRY_BYTES + 1)
    oversizedEntry.set([1, 0x83, ...u64(1)])
    expect(decodeRelayFrame(oversizedEntry)).toEqual({ ok: false, problem: 'too-large', bytes: MAX_ENTRY_BYTES + 1 })
  })
})
