import type { AttachmentHash } from '../domain/attachments/attachment'
import { bytesToHash, hashToBytes } from '../domain/attachments/content-hash'
import { concatBytes } from '../domain/concat-bytes'
import { MAX_ATTACHMENT_BYTES } from '../domain/attachments/limits'
import type { WorkspaceId } from '../domain/ids'
import { openAttachmentStore, type AttachmentStore } from './attachment-store'

/**
 * The photos and files of a backup: a section after the workspace's update (workspace-file.ts,
 * format 2). Layout, one entry after another:
 *
 *   hash (32) | length (u32 BE) | type length (u8) | type (UTF-8) | bytes (length)
 *
 * Restoring stores each entry only if its bytes hash to its hash (the store checks), so a
 * damaged or doctored backup cannot put a wrong file under a photo's address.
 */
export interface BackupAttachment {
  hash: AttachmentHash
  mime: string
  bytes: Uint8Array
}

/** Leaves room in a workspace file (256 MB at most) for the workspace itself. */
export const BACKUP_ATTACHMENT_BUDGET = 200_000_000
const MAX_ENTRIES = 10_000

export const encodeBackupAttachments = (entries: readonly BackupAttachment[]): Uint8Array => {
  const encoder = new TextEncoder()
  const parts = entries.map((entry) => {
    const mime = encoder.encode(entry.mime).subarray(0, 255)
    const out = new Uint8Array(32 + 4 + 1 + mime.length + entry.bytes.length)
    out.set(hashToBytes(entry.hash), 0)
    new DataView(out.buffer).setUint32(32, entry.bytes.length)
    out[36] = mime.length
    out.set(mime, 37)
    out.set(entry.bytes, 37 + mime.length)
    return out
  })
  return concatBytes(parts)
}

/** The entries of a section, or null when it is malformed (nothing is then restored). */
export const decodeBackupAttachments = (section: Uint8Array): BackupAttachment[] | null => {
  const entries: BackupAttachment[] = []
  const view = new DataView(section.buffer, section.byteOffset, section.byteLength)
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let at = 0
  while (at < section.length) {
    if (entries.length >= MAX_ENTRIES || at + 37 > section.length) return null
    const hash = bytesToHash(section.subarray(at, at + 32))
    const length = view.getUint32(at + 32)
    const mimeLength = section[at + 36] as number
    const start = at + 37 + mimeLength
    if (!hash || length > MAX_ATTACHMENT_BYTES || start + length > section.length) return null
    let mime: string
    try {
      mime = decoder.decode(section.subarray(at + 37, start))
    } catch {
      return null
    }
    entries.push({ hash, mime, bytes: section.subarray(start, start + length) })
    at = start + length
  }
  return entries
}

/** This workspace's attachments for a backup, as many as the budget allows; says how many were left out. */
export const collectBackupAttachments = async (store: AttachmentStore, budget = BACKUP_ATTACHMENT_BUDGET): Promise<{ section: Uint8Array; leftOut: number }> => {
  const entries: BackupAttachment[] = []
  let used = 0
  let leftOut = 0
  for (const hash of await store.hashes()) {
    const found = await store.get(hash)
    if (!found) continue
    if (used + found.bytes.length > budget) {
      leftOut++
      continue
    }
    used += found.bytes.length
    entries.push(found)
  }
  return { section: encodeBackupAttachments(entries), leftOut }
}

/** Puts a backup's attachments into a workspace's store on this device: how many were kept. */
export const restoreBackupAttachments = async (id: WorkspaceId, section: Uint8Array): Promise<{ ok: true; restored: number } | { ok: false; message: string }> => {
  if (section.length === 0) return { ok: true, restored: 0 }
  const entries = decodeBackupAttachments(section)
  if (!entries) return { ok: false, message: 'The photos and files in this backup are damaged; the rest was restored.' }
  const store = await openAttachmentStore(id)
  try {
    let restored = 0
    for (const entry of entries) {
      const put = await store.put(entry.bytes, entry.mime, entry.hash)
      if (put.ok) restored++
    }
    return { ok: true, restored }
  } finally {
    store.close()
  }
}
