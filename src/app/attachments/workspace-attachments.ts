import type { AttachmentHash, AttachmentRef } from '../../domain/attachments/attachment'
import type { AttachmentProblem } from '../../domain/attachments/attachment-problem'
import { checkAttachmentSize } from '../../domain/attachments/limits'
import type { WorkspaceId } from '../../domain/ids'
import { openAttachmentStore, type AttachmentStore, type StoredAttachment } from '../../storage/attachment-store'
import type { WorkspaceSync } from '../../sync/workspace-sync'
import type { Later } from '../start-writing'
import { afterWorkspaceOpen } from './after-workspace-open'
import { checkFileType } from './check-file-type'
import { preparePhoto } from './prepare-photo'

/** Where an attachment shown in a note stands on this device. */
export type AttachmentAvailability =
  | { status: 'loading' }
  | { status: 'ready'; blob: Blob }
  /** Not on this device, and no connected device had it: asked again when others connect. */
  | { status: 'missing' }

export type AddResult = { ok: true; ref: AttachmentRef } | { ok: false; problem: AttachmentProblem }

export interface WorkspaceAttachments {
  /** Checks, prepares (photos) and stores a chosen file; nothing is stored when it fails. */
  add(file: File): Promise<AddResult>
  /** The file from this device, else from a connected device or a relay (verified and kept here). */
  load(hash: AttachmentHash): Promise<AttachmentAvailability>
  /** This device's copy only (exports, backups, and answering peers). */
  read(hash: AttachmentHash): Promise<StoredAttachment | null>
  /** Bytes kept for this workspace on this device. */
  totalBytes(): Promise<number>
  /** The underlying store, for backups. */
  store(): Promise<AttachmentStore>
  /**
   * Every file this device holds, for the relay's upload bookkeeping: asked for as sync starts,
   * answered only once the open has had its time and the page is quiet (`later`), so a cold
   * open neither opens the store nor walks its rows. Empty once destroyed.
   */
  heldHashes(): Promise<AttachmentHash[]>
  destroy(): void
}

const photoName = (name: string): string => {
  const base = name.replace(/\.[^.]*$/, '') || 'Photo'
  return `${base}.jpg`
}

/**
 * A workspace's attachments on this device: the store (opened on first use), adding files,
 * and loading the ones a note shows, from a peer when this device lacks them. What a person
 * asks for (adding, a note's photos, a backup) opens the store at once; background bookkeeping
 * waits for `later` (after-workspace-open.ts).
 */
export const makeWorkspaceAttachments = (
  id: WorkspaceId,
  sync: () => Promise<WorkspaceSync | null>,
  later: Later = afterWorkspaceOpen
): WorkspaceAttachments => {
  let opened: Promise<AttachmentStore> | null = null
  let destroyed = false
  const store = (): Promise<AttachmentStore> => (opened ??= openAttachmentStore(id))
  // Scheduled once, as the workspace opens; destroying settles it so no caller waits for ever.
  let settleQuiet = (): void => {}
  const quiet = new Promise<void>((resolve) => {
    settleQuiet = resolve
  })
  const cancelQuiet = later(settleQuiet)

  const read = async (hash: AttachmentHash): Promise<StoredAttachment | null> => (await store()).get(hash)

  return {
    async add(file) {
      const stored = await (await store()).totalBytes()
      const tooBig = checkAttachmentSize(file.size, stored)
      if (tooBig) return { ok: false, problem: tooBig }
      const original = new Uint8Array(await file.arrayBuffer())
      const type = await checkFileType(file.name, file.type, original)
      if (!type.ok) return type
      let bytes: Uint8Array = original
      let mime = type.mime
      let name = file.name || (type.kind === 'image' ? 'Photo.jpg' : 'File')
      let width: number | null = null
      let height: number | null = null
      if (type.kind === 'image') {
        const photo = await preparePhoto(original.slice())
        if (!photo.ok) return { ok: false, problem: { kind: 'said', message: photo.message } }
        ;({ bytes, width, height } = photo)
        mime = 'image/jpeg'
        name = photoName(name)
      }
      const put = await (await store()).put(bytes, mime)
      if (!put.ok) return { ok: false, problem: put.problem.kind === 'wrong-hash' ? { kind: 'said', message: put.problem.message } : put.problem }
      // Stored here first; then, sealed, to the relays (when offline, once the device is back).
      void sync().then((live) => live?.uploadAttachments(), () => undefined)
      return { ok: true, ref: { hash: put.hash, kind: type.kind, mime, name, size: bytes.length, alt: '', width, height } }
    },
    async load(hash) {
      const here = await read(hash).catch(() => null)
      if (here) return { status: 'ready', blob: new Blob([here.bytes as BlobPart], { type: here.mime }) }
      const live = await sync()
      const bytes = live && !destroyed ? await live.fetchAttachment(hash) : null
      if (!bytes) return { status: 'missing' }
      // The type of a fetched file is the reference's business; the store keeps what it sniffs as plain bytes.
      const put = await (await store()).put(bytes, 'application/octet-stream', hash)
      if (!put.ok) return { status: 'missing' }
      return { status: 'ready', blob: new Blob([bytes as BlobPart]) }
    },
    read,
    totalBytes: async () => (await store()).totalBytes(),
    store,
    async heldHashes() {
      await quiet
      return destroyed ? [] : (await store()).hashes()
    },
    destroy() {
      if (destroyed) return
      destroyed = true
      cancelQuiet()
      settleQuiet()
      void opened?.then((s) => s.close()).catch(() => {})
    }
  }
}
