import type { Actor } from '../domain/artifact'
import { makeWorkspaceId, makeWorkspaceSecret, type WorkspaceId } from '../domain/ids'
import type { RegistryEntry } from '../domain/registry-entry'
import type { WorkspaceDetails } from '../domain/workspace-meta'
import * as Y from 'yjs'
import { initialiseWorkspace, readWorkspaceMeta, renameWorkspace } from '../crdt/workspace-meta'
import { mergeUpdate } from '../crdt/merge-update'
import { createVersion } from '../crdt/versions'
import { automaticVersionName } from '../domain/version'
import { IMPORT } from '../crdt/origins'
import type { WorkspaceFileHeader } from './workspace-file'
import { makeWorkspaceDoc } from '../crdt/workspace-doc'
import type { Registry } from './registry'
import { setAsideDamagedRecords } from './set-aside-damaged'
import { workspaceDbName } from './workspace-db-name'
import { openWorkspaceSession, type WorkspaceSession } from './workspace-session'
import { openWorkspacePersistence, type WorkspacePersistence } from './workspace-persistence'
import { attachAuthorship } from '../crdt/authorship'
import { fileProblemsEn } from '../domain/i18n/areas/file-problems.en'

/**
 * Creates a workspace on this device: writes its first state to its own database, then lists
 * it in the registry. Resolves with the registry entry once both are stored.
 */
export const createWorkspace = async (
  registry: Registry,
  details: WorkspaceDetails,
  actor: Actor,
  now = Date.now(),
  /** The creator's member id: the first details are theirs in the workspace's history. */
  memberId?: string
): Promise<RegistryEntry> => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  if (memberId) attachAuthorship(doc, memberId)
  initialiseWorkspace(doc, details, actor, now)
  const entry: RegistryEntry = {
    id,
    secret: makeWorkspaceSecret(),
    name: details.name,
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now,
    // Its creator's device claims ownership when it first opens it (app/workspace-trust.ts).
    trustPending: { kind: 'found' }
  }
  await storeNewWorkspace(registry, doc, entry)
  return entry
}

/** Stores a new workspace's doc in its own database, then lists it in the registry. */
export const storeNewWorkspace = async (registry: Registry, doc: Y.Doc, entry: RegistryEntry): Promise<void> => {
  try {
    // y-indexeddb stores the doc's whole state when it opens; wait for that before listing it.
    // With no IndexedDB at all, the same call keeps it in this tab's memory instead.
    const persistence = openWorkspacePersistence(doc, entry.id)
    try {
      if (registry.kind === 'indexeddb') await requireStored(persistence)
      else await persistence.settled
    } finally {
      await persistence.destroy()
    }
    await registry.put(entry)
  } finally {
    doc.destroy()
  }
}

export interface ImportResult {
  entry: RegistryEntry
  mergedIntoExisting: boolean
  /** Damaged records of the copy here that were moved aside (kept, not deleted) to repair it. */
  setAsideRecords: number
}

/**
 * Brings a checked workspace file onto this device: as a new workspace when it is not here
 * yet, or merged into the one that is (Yjs merges are additive: nothing here is removed).
 * A copy here with damaged records is repaired first: those records are set aside, which is
 * what lets "export what can be read, then import it" give a working workspace again.
 */
export const importWorkspaceFile = async (
  registry: Registry,
  file: { header: WorkspaceFileHeader; update: Uint8Array },
  actor: Actor | null,
  now = Date.now(),
  /** Who is importing: the version taken before a merge is theirs in the history. */
  memberId?: string
): Promise<ImportResult> => {
  const existing = await registry.get(file.header.workspaceId)
  if (existing) {
    const setAsideRecords =
      registry.kind === 'indexeddb' ? await setAsideDamagedRecords(workspaceDbName(existing.id)) : 0
    await withWritableSession(registry, existing, memberId, (session) => {
      // Merging only adds, but a version first means the merge can be undone by restoring it.
      mergeUpdate(session.doc, file.update, () => {
        if (actor) {
          createVersion(session.doc, { name: automaticVersionName('before-import', now, `“${file.header.name}”`), kind: 'before-import' }, actor, now)
        }
      })
    })
    return { entry: existing, mergedIntoExisting: true, setAsideRecords }
  }
  const doc = makeWorkspaceDoc(file.header.workspaceId)
  Y.applyUpdate(doc, file.update, IMPORT)
  const entry: RegistryEntry = {
    id: file.header.workspaceId,
    secret: file.header.secret,
    name: readWorkspaceMeta(doc).name || file.header.name,
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now,
    // Its creator's device claims ownership when it first opens it (app/workspace-trust.ts).
    trustPending: { kind: 'found' }
  }
  await storeNewWorkspace(registry, doc, entry)
  return { entry, mergedIntoExisting: false, setAsideRecords: 0 }
}

/**
 * Opens a workspace, makes one change and waits until it is on disk. A change that could not
 * be stored is an error here, not a success that silently vanishes when the session closes.
 */
const withWritableSession = async (
  registry: Registry,
  entry: RegistryEntry,
  /** Who makes the change, recorded in the workspace's authorship records like any edit. */
  memberId: string | undefined,
  change: (session: WorkspaceSession) => void
): Promise<void> => {
  const session = await openWorkspaceSession(registry, entry)
  try {
    const status = session.persistence.status
    if (status.status === 'damaged') {
      throw new Error(fileProblemsEn['fileProblem.workspace.readOnly'])
    }
    // With no IndexedDB at all the change lives in this tab's memory copy, as the app warns.
    if (status.status === 'unavailable' && registry.kind === 'indexeddb') throw new Error(status.problem.message)
    if (memberId) attachAuthorship(session.doc, memberId)
    change(session)
    if (registry.kind === 'indexeddb') await requireStored(session.persistence)
  } finally {
    await session.destroy()
  }
}

const requireStored = async (persistence: WorkspacePersistence): Promise<void> => {
  const status = await persistence.settled
  if (status.status === 'unavailable') throw new Error(status.problem.message)
  // Compacting awaits its own write, so a full disk is reported here and not later. Whole, at
  // once: splitting a big lab into chunks takes seconds, and its next open does that at leisure.
  await persistence.compact({ whole: true })
  if (persistence.writeProblem) throw new Error(persistence.writeProblem.message)
}

/** Renames a workspace from the device's list: the name lives in the doc so peers see it. */
export const renameWorkspaceOnDevice = async (
  registry: Registry,
  entry: RegistryEntry,
  name: string,
  memberId?: string
): Promise<RegistryEntry> => {
  await withWritableSession(registry, entry, memberId, (session) => renameWorkspace(session.doc, name))
  const fields = { name, lastEditedAt: Date.now() }
  return (await registry.update(entry.id, fields)) ?? { ...entry, ...fields }
}


/** Remembers that a backup of this workspace was just made on this device. */
export const recordBackup = async (registry: Registry, entry: RegistryEntry, now = Date.now()): Promise<RegistryEntry> => {
  return (await registry.update(entry.id, { lastBackupAt: now })) ?? { ...entry, lastBackupAt: now }
}
