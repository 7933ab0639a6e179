import { afterEach, describe, expect, it } from 'vitest'
import type { AttachmentHash } from '../../../src/domain/attachments/attachment'
import { contentHash } from '../../../src/domain/attachments/content-hash'
import { makeAttachmentExchange, type AttachmentExchange, type PeerLink } from '../../../src/sync/attachment-exchange'
import { decodeAttachmentFrame, encodeNone, encodePart, encodeParts, encodeWant, PART_BYTES } from '../../../src/sync/attachment-frames'
import { startDownload } from '../../../src/sync/attachment-download'

const fileOf = (size: number, seed = 7): Uint8Array => Uint8Array.from({ length: size }, (_, i) => (i * seed + 3) % 251)

const exchanges: AttachmentExchange[] = []
afterEach(() => exchanges.splice(0).forEach((e) => e.destroy()))

/** Two exchanges joined by links that deliver frames asynchronously, as a data channel does. */
const pair = (files: Map<AttachmentHash, Uint8Array>) => {
  const rejected: string[] = []
  let asker!: AttachmentExchange
  let holder!: AttachmentExchange
  const toHolder: PeerLink = { id: 'holder', send: (f) => queueMicrotask(() => holder.receive(toAsker, f)) }
  const toAsker: PeerLink = { id: 'asker', send: (f) => queueMicrotask(() => asker.receive(toHolder, f)) }
  asker = makeAttachmentExchange({ links: () => [toHolder], source: { read: async () => null }, onRejected: (r) => rejected.push(r) })
  holder = makeAttachmentExchange({ links: () => [toAsker], source: { read: async (h) => files.get(h) ?? null }, onRejected: (r) => rejected.push(r) })
  exchanges.push(asker, holder)
  return { asker, rejected }
}

/** A peer that answers every WANT with whatever `answer` makes of the hash. */
const hostile = (id: string, answer: (hash: AttachmentHash) => Uint8Array[], target: () => AttachmentExchange): PeerLink => {
  const link: PeerLink = {
    id,
    send: (frame) => {
      const decoded = decodeAttachmentFrame(frame)
      if (decoded?.type !== 'want') return
      for (const reply of answer(decoded.hash)) queueMicrotask(() => target().receive(link, reply))
    }
  }
  return link
}

describe('attachment frames', () => {
  it('round-trips WANT, NONE and PART, and refuses malformed frames', async () => {
    const hash = await contentHash(fileOf(10))
    expect(decodeAttachmentFrame(encodeWant(hash))).toEqual({ type: 'want', hash })
    expect(decodeAttachmentFrame(encodeNone(hash))).toEqual({ type: 'none', hash })
    const part = decodeAttachmentFrame(encodePart(hash, 10, 0, fileOf(10)))
    expect(part).toMatchObject({ type: 'part', hash, total: 10, offset: 0 })
    expect(decodeAttachmentFrame(encodeWant(hash).slice(0, 20))).toBeNull()
    expect(decodeAttachmentFrame(encodePart(hash, 10, 0, new Uint8Array(0)))).toBeNull()
    expect(decodeAttachmentFrame(encodePart(hash, PART_BYTES * 2, 0, new Uint8Array(PART_BYTES + 1)))).toBeNull()
    expect(decodeAttachmentFrame(new Uint8Array([0x00, 1, 2]))).toBeNull()
  })
})

describe('attachment download', () => {
  it('refuses a declared size over the limit, parts out of order and too many bytes', async () => {
    const file = fileOf(100)
    const hash = await contentHash(file)
    expect(await startDownload(hash, 50).accept({ total: 100, offset: 0, bytes: file.subarray(0, 10) })).toMatchObject({ kind: 'failed' })
    const gap = startDownload(hash)
    expect(await gap.accept({ total: 100, offset: 0, bytes: file.subarray(0, 10) })).toEqual({ kind: 'more' })
    expect(await gap.accept({ total: 100, offset: 20, bytes: file.subarray(20, 30) })).toMatchObject({ kind: 'failed', reason: 'a part out of order' })
    const over = startDownload(hash)
    expect(await over.accept({ total: 100, offset: 0, bytes: fileOf(101) })).toMatchObject({ kind: 'failed', reason: 'more bytes than the file’s size' })
  })
})

describe('attachment exchange', () => {
  it('fetches a file of many parts from a peer that has it, verified by its hash', async () => {
    const file = fileOf(PART_BYTES * 3 + 17)
    const hash = await contentHash(file)
    const { asker, rejected } = pair(new Map([[hash, file]]))
    expect(await asker.fetch(hash)).toEqual(file)
    expect(rejected).toEqual([])
  })

  it('gets null when no connected peer has the file', async () => {
    const { asker } = pair(new Map())
    expect(await asker.fetch(await contentHash(fileOf(5)))).toBeNull()
  })

  it('drops wrong bytes from a hostile peer and gets the file from the next one', async () => {
    const file = fileOf(PART_BYTES + 5)
    const hash = await contentHash(file)
    const rejected: string[] = []
    let asker!: AttachmentExchange
    const liar = hostile('liar', (h) => encodeParts(h, fileOf(PART_BYTES + 5, 11)), () => asker)
    const honest = hostile('honest', (h) => encodeParts(h, file), () => asker)
    asker = makeAttachmentExchange({ links: () => [liar, honest], source: { read: async () => null }, onRejected: (r) => rejected.push(r) })
    exchanges.push(asker)
    expect(await asker.fetch(hash)).toEqual(file)
    expect(rejected).toEqual(['a file that is not the one asked for (its hash differs)'])
  })

  it('gives up on a peer that sends more than it declared, or declares too much, keeping nothing of it', async () => {
    const file = fileOf(100)
    const hash = await contentHash(file)
    const rejected: string[] = []
    let asker!: AttachmentExchange
    const flooder = hostile('flooder', (h) => [encodePart(h, 100, 0, fileOf(100)), encodePart(h, 100, 100, fileOf(50))], () => asker)
    const giant = hostile('giant', (h) => [encodePart(h, 0xffffffff, 0, fileOf(10))], () => asker)
    const honest = hostile('honest', (h) => encodeParts(h, file), () => asker)
    asker = makeAttachmentExchange({ links: () => [giant, flooder, honest], source: { read: async () => null }, onRejected: (r) => rejected.push(r) })
    exchanges.push(asker)
    // The flooder's first 100 bytes are the right file, but it sent more: it is given up on.
    expect(await asker.fetch(hash)).toEqual(file)
    expect(rejected).toEqual(['a file larger than the limit', 'parts after the download ended'])
  })

  it('moves on from a peer that goes silent', async () => {
    const file = fileOf(10)
    const hash = await contentHash(file)
    let asker!: AttachmentExchange
    const silent = hostile('silent', () => [], () => asker)
    const honest = hostile('honest', (h) => encodeParts(h, file), () => asker)
    asker = makeAttachmentExchange({ links: () => [silent, honest], source: { read: async () => null }, onRejected: () => {}, stallMs: 20 })
    exchanges.push(asker)
    expect(await asker.fetch(hash)).toEqual(file)
  })

  it('ignores parts nobody asked for', async () => {
    const rejected: string[] = []
    const asker = makeAttachmentExchange({ links: () => [], source: { read: async () => null }, onRejected: (r) => rejected.push(r) })
    exchanges.push(asker)
    const hash = await contentHash(fileOf(3))
    asker.receive({ id: 'x', send: () => {} }, encodePart(hash, 3, 0, fileOf(3)))
    await new Promise((r) => setTimeout(r, 0))
    expect(rejected).toEqual(['a file part this device did not ask that peer for'])
  })
})
