import * as Y from 'yjs'
import { makeWorkspaceId, makeWorkspaceSecret } from '../domain/ids'
import type { RegistryEntry } from '../domain/registry-entry'
import { IMPORT } from '../crdt/origins'
import { makeWorkspaceDoc } from '../crdt/workspace-doc'
import { readWorkspaceMeta, renameWorkspace } from '../crdt/workspace-meta'
import type { Registry } from './registry'
import type { WorkspaceFileHeader } from './workspace-file'
import { storeNewWorkspace } from './workspace-library'
import { trustEntriesIn } from '../crdt/trust/trust-entries-in-update'
import type { UpdateFacts } from '../crdt/update-facts'

/** How the separate copy is named, so nobody mistakes it for the shared workspace. */
export const copyName = (name: string, exportedAt: number): string =>
  `${name || 'Untitled workspace'} (backup of ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(exportedAt)})`.slice(0, 200)

/**
 * Whether a file's workspace has a membership log (docs/trust.md): people joined it by
 * invitation, and its owners are named in the log. A device that is not one of them cannot take
 * the file as that workspace: under an anchor of its own it would claim to be its only owner,
 * refuse every member's changes in the shared room and have its own refused (a backup restored
 * on a new laptop did exactly that, while Members listed the restorer alone). Such a file
 * opens as a separate workspace (openBackupAsSeparateWorkspace), after saying so.
 * The checker that read the file says (crdt/update-facts.ts); only where there was none (Node)
 * are the update's structs read here, without applying it. Entries are not checked here, since
 * a file whose entries are forged only ends up as a copy of its own.
 */
export const fileHasMembers = (file: { update: Uint8Array; facts?: UpdateFacts }): boolean =>
  file.facts ? file.facts.members : trustEntriesIn(file.update).length > 0

/**
 * Opens a backup as a workspace of its own, with a new id and a new key: it shares nothing with
 * the workspace it was made from, so nothing done there since (a wipe included) reaches it, and
 * nothing done in it reaches anyone until it is shared by its own invitation. Merging a backup
 * cannot undo deletions (they are changes too, and a merge keeps every change); this can.
 */
export const openBackupAsSeparateWorkspace = async (
  registry: Registry,
  file: { header: WorkspaceFileHeader; update: Uint8Array },
  now = Date.now()
): Promise<RegistryEntry> => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  Y.applyUpdate(doc, file.update, IMPORT)
  const name = copyName(readWorkspaceMeta(doc).name || file.header.name, file.header.exportedAt)
  try {
    renameWorkspace(doc, name)
  } catch {
    // A backup from a newer version of Mutual opens read-only: the copy keeps its old name inside.
  }
  const entry: RegistryEntry = {
    id,
    secret: makeWorkspaceSecret(),
    name,
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now,
    // This device founds it under an anchor naming its own claim (app/workspace-trust.ts): the
    // entries copied from the original are signed for the original's id and count for nothing here.
    trustPending: { kind: 'found' }
  }
  await storeNewWorkspace(registry, doc, entry)
  return entry
}
