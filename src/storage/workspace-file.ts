import * as Y from 'yjs'
import { z } from 'zod'
import type { UpdateFacts } from '../crdt/update-facts'
import { WorkspaceIdSchema, WorkspaceSecretSchema } from '../domain/ids'
import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'
import { fillKnown } from '../domain/i18n/known-text'

/**
 * A workspace file: everything of one workspace in a file a person can keep or carry.
 * Layout: 8-byte magic, 4-byte big-endian header length, a JSON header, then one Yjs update.
 * A backup with photos and files (format 2) has their section (backup-attachments.ts) after
 * the update, and its header says how many bytes that section takes; a backup without any is
 * still format 1, so older builds read it.
 */
const MAGIC = new TextEncoder().encode('MUTUALWS')
export const WORKSPACE_FILE_FORMAT = 1
export const WORKSPACE_FILE_WITH_ATTACHMENTS_FORMAT = 2
/** Files larger than this are refused before anything is decoded. */
export const MAX_WORKSPACE_FILE_BYTES = 256 * 1024 * 1024
const MAX_HEADER_BYTES = 64 * 1024

export const WorkspaceFileHeaderSchema = z.object({
  format: z.union([z.literal(WORKSPACE_FILE_FORMAT), z.literal(WORKSPACE_FILE_WITH_ATTACHMENTS_FORMAT)]),
  /** Format 2: bytes of the attachments section at the end of the file. */
  attachmentBytes: z.number().int().nonnegative().optional(),
  workspaceId: WorkspaceIdSchema,
  secret: WorkspaceSecretSchema,
  name: z.string().max(200),
  exportedAt: z.number()
}).refine((h) => (h.format === WORKSPACE_FILE_WITH_ATTACHMENTS_FORMAT) === (h.attachmentBytes !== undefined && h.attachmentBytes > 0), {
  message: 'A format 2 file, and only one, says how many bytes its attachments take'
})
export type WorkspaceFileHeader = z.infer<typeof WorkspaceFileHeaderSchema>

export const encodeWorkspaceFile = (header: WorkspaceFileHeader, doc: Y.Doc, attachments?: Uint8Array): Uint8Array =>
  frameWorkspaceFile(header, Y.encodeStateAsUpdate(doc), attachments)

/** The file's bytes around an update as it is (a test can frame one a document would never give). */
export const frameWorkspaceFile = (header: WorkspaceFileHeader, update: Uint8Array, attachments: Uint8Array = new Uint8Array(0)): Uint8Array => {
  const framed: WorkspaceFileHeader =
    attachments.length > 0 ? { ...header, format: WORKSPACE_FILE_WITH_ATTACHMENTS_FORMAT, attachmentBytes: attachments.length } : header
  const headerBytes = new TextEncoder().encode(JSON.stringify(WorkspaceFileHeaderSchema.parse(framed)))
  const out = new Uint8Array(MAGIC.length + 4 + headerBytes.length + update.length + attachments.length)
  out.set(MAGIC, 0)
  new DataView(out.buffer).setUint32(MAGIC.length, headerBytes.length)
  out.set(headerBytes, MAGIC.length + 4)
  out.set(update, MAGIC.length + 4 + headerBytes.length)
  out.set(attachments, MAGIC.length + 4 + headerBytes.length + update.length)
  return out
}

export type DecodedWorkspaceFile =
  | {
      ok: true
      header: WorkspaceFileHeader
      update: Uint8Array
      attachments: Uint8Array
      /** What the checker learnt of the update (crdt/update-facts.ts); none where it was decoded on this thread. */
      facts?: UpdateFacts
    }
  | { ok: false; message: string }

export const DAMAGED_WORKSPACE_FILE = fileProblemsEn['fileProblem.workspace.damaged']

const fail = (message: string): DecodedWorkspaceFile => ({ ok: false, message })

/**
 * Reads a file's layout and header only: its update is not yet checked. Bounded work: the
 * size is checked first and the header is at most 64 KB. The update is then checked in full,
 * off the page with a time limit where the platform allows (sync/workspace-file-check.ts), or
 * by decodeWorkspaceFile here.
 */
export const readWorkspaceFileHeader = (bytes: Uint8Array): DecodedWorkspaceFile => {
  if (bytes.length > MAX_WORKSPACE_FILE_BYTES) return fail(fillKnown('fileProblem.workspace.tooLarge', { megabytes: MAX_WORKSPACE_FILE_BYTES / 1024 / 1024 }))
  if (bytes.length < MAGIC.length + 4 || !MAGIC.every((b, i) => bytes[i] === b)) {
    return fail(fileProblemsEn['fileProblem.workspace.notOurs'])
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length)
  const headerEnd = MAGIC.length + 4 + headerLength
  if (headerLength > MAX_HEADER_BYTES || headerEnd > bytes.length) return fail(DAMAGED_WORKSPACE_FILE)
  let header: unknown
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(MAGIC.length + 4, headerEnd)))
  } catch {
    return fail(DAMAGED_WORKSPACE_FILE)
  }
  const parsed = WorkspaceFileHeaderSchema.safeParse(header)
  if (!parsed.success) return fail(fileProblemsEn['fileProblem.workspace.otherVersion'])
  const attachmentBytes = parsed.data.format === WORKSPACE_FILE_WITH_ATTACHMENTS_FORMAT ? (parsed.data.attachmentBytes ?? 0) : 0
  if (headerEnd + attachmentBytes > bytes.length) return fail(DAMAGED_WORKSPACE_FILE)
  const updateEnd = bytes.length - attachmentBytes
  return { ok: true, header: parsed.data, update: bytes.slice(headerEnd, updateEnd), attachments: bytes.slice(updateEnd) }
}

/** Checks a file from outside the app on this thread; it never touches any workspace. */
export const decodeWorkspaceFile = (bytes: Uint8Array): DecodedWorkspaceFile => {
  const read = readWorkspaceFileHeader(bytes)
  if (!read.ok) return read
  try {
    // Decoding checks the whole update's structure without applying it anywhere.
    Y.decodeUpdate(read.update)
  } catch {
    return fail(DAMAGED_WORKSPACE_FILE)
  }
  return read
}
