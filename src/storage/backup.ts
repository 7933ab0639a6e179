import type * as Y from 'yjs'
import type { RegistryEntry } from '../domain/registry-entry'
import { readWorkspaceMeta } from '../crdt/workspace-meta'
import { isPassphraseEnvelope, openWithPassphrase, sealWithPassphrase } from './passphrase-envelope'
import { decodeWorkspaceFile, encodeWorkspaceFile, WORKSPACE_FILE_FORMAT, type DecodedWorkspaceFile } from './workspace-file'

/**
 * A backup is a workspace file (everything of the workspace, including its secret so it can
 * rejoin sync), optionally sealed with a passphrase.
 */
export const makeBackup = async (
  entry: RegistryEntry,
  doc: Y.Doc,
  passphrase: string | null,
  now = Date.now()
): Promise<Uint8Array> => {
  const file = encodeWorkspaceFile(
    {
      format: WORKSPACE_FILE_FORMAT,
      workspaceId: entry.id,
      secret: entry.secret,
      name: readWorkspaceMeta(doc).name || entry.name,
      exportedAt: now
    },
    doc
  )
  return passphrase ? sealWithPassphrase(file, passphrase) : file
}

export type ReadBackupResult = DecodedWorkspaceFile | { ok: false; needsPassphrase: true; message: string }

/** Reads a backup or workspace file; an encrypted one needs its passphrase. Touches nothing. */
export const readBackup = async (bytes: Uint8Array, passphrase: string | null): Promise<ReadBackupResult> => {
  if (!isPassphraseEnvelope(bytes)) return decodeWorkspaceFile(bytes)
  if (!passphrase) return { ok: false, needsPassphrase: true, message: 'This backup is protected with a passphrase.' }
  const opened = await openWithPassphrase(bytes, passphrase)
  return opened.ok ? decodeWorkspaceFile(opened.plain) : opened
}
