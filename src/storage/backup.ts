import type * as Y from 'yjs'
import type { UpdateFacts } from '../crdt/update-facts'
import type { RegistryEntry } from '../domain/registry-entry'
import { readWorkspaceMeta } from '../crdt/workspace-meta'
import { isPassphraseEnvelope, openWithPassphrase, sealWithPassphrase } from './passphrase-envelope'
import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'
import {
  decodeWorkspaceFile,
  encodeWorkspaceFile,
  readWorkspaceFileHeader,
  WORKSPACE_FILE_FORMAT,
  type DecodedWorkspaceFile
} from './workspace-file'

/**
 * A backup is a workspace file (everything of the workspace, including its secret so it can
 * rejoin sync), optionally sealed with a passphrase.
 */
export const makeBackup = async (
  entry: RegistryEntry,
  doc: Y.Doc,
  passphrase: string | null,
  now = Date.now(),
  /** The workspace's photos and files, kept in the backup after its update (backup-attachments.ts). */
  attachments: Uint8Array = new Uint8Array(0)
): Promise<Uint8Array> => {
  const file = encodeWorkspaceFile(
    {
      format: WORKSPACE_FILE_FORMAT,
      workspaceId: entry.id,
      secret: entry.secret,
      name: readWorkspaceMeta(doc).name || entry.name,
      exportedAt: now
    },
    doc,
    attachments
  )
  return passphrase ? sealWithPassphrase(file, passphrase) : file
}

export type ReadBackupResult = DecodedWorkspaceFile | { ok: false; needsPassphrase: true; message: string }

/**
 * Checks a file's update in full, within a time limit, and hands back the update to use (as
 * re-encoded by the checker) with what the check learnt of it, or the message a person sees.
 * The app's checker runs in a Web Worker (sync/workspace-file-check.ts), as changes files are checked.
 */
export type WorkspaceUpdateCheck = (update: Uint8Array) => Promise<{ ok: true; update: Uint8Array; facts: UpdateFacts } | { ok: false; message: string }>

const checkedWith = async (bytes: Uint8Array, check: WorkspaceUpdateCheck | undefined): Promise<DecodedWorkspaceFile> => {
  if (!check) return decodeWorkspaceFile(bytes)
  const read = readWorkspaceFileHeader(bytes)
  if (!read.ok) return read
  const checked = await check(read.update)
  return checked.ok ? { ...read, update: checked.update, facts: checked.facts } : checked
}

/**
 * Reads a backup or workspace file; an encrypted one needs its passphrase. Touches nothing.
 * Without `check`, the update is decoded on this thread (tests, and Node).
 */
export const readBackup = async (
  bytes: Uint8Array,
  passphrase: string | null,
  check?: WorkspaceUpdateCheck
): Promise<ReadBackupResult> => {
  if (!isPassphraseEnvelope(bytes)) return checkedWith(bytes, check)
  if (!passphrase) return { ok: false, needsPassphrase: true, message: fileProblemsEn['fileProblem.backup.protected'] }
  const opened = await openWithPassphrase(bytes, passphrase)
  return opened.ok ? checkedWith(opened.plain, check) : opened
}
