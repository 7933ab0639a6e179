import { describe, expect, it } from 'vitest'
import { gunzip, gzip } from '../../../src/sync/message-compression'
import { isChunk, makeReassembler, splitMessage } from '../../../src/sync/peer-chunks'

const bytes = (length: number, seed = 1): Uint8Array => {
  const out = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    out[i] = x & 0xff
  }
  out[0] = 0 // y-webrtc messages start with a type below 0x80
  return out
}

describe('peer message chunks', () => {
  it('leave small messages as they are', () => {
    const message = bytes(1000)
    expect(splitMessage(message, 1024)).toEqual([message])
    expect(isChunk(message)).toBe(false)
    expect(makeReassembler()(message)).toEqual({ kind: 'message', message, compressed: false })
  })

  it('split large messages into frames no larger than the limit and put them back together', () => {
    for (const length of [1025, 2048, 4096 * 3 + 17, 100_000]) {
      const message = bytes(length, length)
      const frames = splitMessage(message, 1024)
      expect(frames.length).toBeGreaterThan(1)
      expect(frames.every((f) => f.length <= 1024 && isChunk(f))).toBe(true)
      const reassemble = makeReassembler()
      const results = frames.map((f) => reassemble(f))
      expect(results.slice(0, -1).every((r) => r.kind === 'partial')).toBe(true)
      const last = results[results.length - 1]
      expect(last?.kind).toBe('message')
      expect(last?.kind === 'message' && Buffer.from(last.message).equals(Buffer.from(message))).toBe(true)
    }
  })

  it('drop a message larger than the limit a peer may send, and carry on with the next', () => {
    const reassemble = makeReassembler(10_000)
    const frames = splitMessage(bytes(20_000), 1024)
    const results = frames.map((f) => reassemble(f))
    expect(results[results.length - 1]).toMatchObject({ kind: 'dropped' })
    const next = bytes(3000, 7)
    const after = splitMessage(next, 1024).map((f) => reassemble(f))
    expect(after[after.length - 1]).toEqual({ kind: 'message', message: next, compressed: false })
  })

  it('drop a chunked message that a whole message interrupts', () => {
    const reassemble = makeReassembler()
    const frames = splitMessage(bytes(5000), 1024)
    reassemble(frames[0] as Uint8Array)
    expect(reassemble(bytes(10))).toMatchObject({ kind: 'dropped' })
    expect(reassemble(bytes(10, 3))).toMatchObject({ kind: 'message' })
  })
})

describe('compressed peer messages', () => {
  it('are always framed, say they are compressed, and unpack to the original', async () => {
    const text = new TextEncoder().encode('The lab met at the community pantry on Tuesday. '.repeat(2000))
    const zipped = await gzip(text)
    expect(zipped.length).toBeLessThan(text.length / 10)
    const small = splitMessage(zipped.subarray(0, 100), 1024, true)
    expect(small).toHaveLength(1)
    expect(isChunk(small[0] as Uint8Array)).toBe(true)
    const reassemble = makeReassembler()
    const results = splitMessage(zipped, 1024, true).map((f) => reassemble(f))
    const last = results[results.length - 1]
    expect(last?.kind === 'message' && last.compressed).toBe(true)
    if (last?.kind !== 'message') throw new Error('not reassembled')
    expect(Buffer.from(await gunzip(last.message, 10_000_000)).equals(Buffer.from(text))).toBe(true)
  })

  it('refuse to unpack past the limit, or to unpack garbage', async () => {
    const zipped = await gzip(new Uint8Array(1_000_000))
    await expect(gunzip(zipped, 100_000)).rejects.toThrow(/over 100000 bytes/)
    await expect(gunzip(bytes(200, 9), 100_000)).rejects.toThrow()
  })
})
