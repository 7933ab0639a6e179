import type { AttachmentHash } from '../domain/attachments/attachment'
import { contentHash } from '../domain/attachments/content-hash'
import { MAX_ATTACHMENT_BYTES } from '../domain/attachments/limits'

/**
 * One file arriving from one peer, PART by PART (attachment-frames.ts), checked at each step:
 * the size the first PART declares must be within MAX_ATTACHMENT_BYTES and never change, each
 * PART must start where the last ended, nothing may pass the declared end, and the whole must
 * hash to the address asked for. A peer that breaks any of these is given up on, and what it
 * sent is dropped: a hostile or broken peer costs at most one file's worth of memory.
 */
export type DownloadStep =
  | { kind: 'more' }
  | { kind: 'done'; bytes: Uint8Array }
  | { kind: 'failed'; reason: string }

export interface Download {
  accept(part: { total: number; offset: number; bytes: Uint8Array }): Promise<DownloadStep>
}

export const startDownload = (hash: AttachmentHash, maxBytes = MAX_ATTACHMENT_BYTES): Download => {
  let buffer: Uint8Array | null = null
  let received = 0
  let over = false
  return {
    async accept(part) {
      if (over) return { kind: 'failed', reason: 'parts after the download ended' }
      const fail = (reason: string): DownloadStep => {
        over = true
        buffer = null
        return { kind: 'failed', reason }
      }
      if (!buffer) {
        if (part.total === 0 || part.total > maxBytes) return fail('a file larger than the limit')
        buffer = new Uint8Array(part.total)
      }
      if (part.total !== buffer.length) return fail('parts that disagree about the file’s size')
      if (part.offset !== received) return fail('a part out of order')
      if (received + part.bytes.length > buffer.length) return fail('more bytes than the file’s size')
      buffer.set(part.bytes, received)
      received += part.bytes.length
      if (received < buffer.length) return { kind: 'more' }
      const complete = buffer
      over = true
      buffer = null
      if ((await contentHash(complete)) !== hash) return { kind: 'failed', reason: 'a file that is not the one asked for (its hash differs)' }
      return { kind: 'done', bytes: complete }
    }
  }
}
