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
import { openWorkspaceSession } from './workspace-session'
import { openWorkspacePersistence, type WorkspacePersistence } from './workspace-persistence'

/**
 * Creates a workspace on this device: writes its first state to its own database, then lists
 * it in the registry. Resolves with the registry entry once both are stored.
 */
export const createWorkspace = async (
  registry: Registry,
  details: WorkspaceDetails,
  actor: Actor,
  now = Date.now()
): Promise<RegistryEntry> => {
  const id = makeWorkspaceId()
  const doc = makeWorkspaceDoc(id)
  initialiseWorkspace(doc, details, actor, now)
  const entry: RegistryEntry = {
    id,
    secret: makeWorkspaceSecret(),
    name: details.name,
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now
  }
  await storeNewWorkspace(registry, doc, entry)
  return entry
}

/** Stores a new workspace's doc in its own database, then lists it in the registry. */
const storeNewWorkspace = async (registry: Registry, doc: Y.Doc, entry: RegistryEntry): Promise<void> => {
  try {
    if (registry.kind === 'indexeddb') {
      // y-indexeddb stores the doc's whole state when it opens; wait for that before listing it.
      const persistence = openWorkspacePersistence(doc, entry.id)
      try {
        await requireStored(persistence)
      } finally {
        await persistence.destroy()
      }
    }
    await registry.put(entry)
  } finally {
    doc.destroy()
  }
}

export type ImportResult = { entry: RegistryEntry; mergedIntoExisting: boolean }

/**
 * Brings a checked workspace file onto this device: as a new workspace when it is not here
 * yet, or merged into the one that is (Yjs merges are additive: nothing here is removed).
 */
export const importWorkspaceFile = async (
  registry: Registry,
  file: { header: WorkspaceFileHeader; update: Uint8Array },
  actor: Actor | null,
  now = Date.now()
): Promise<ImportResult> => {
  const existing = await registry.get(file.header.workspaceId)
  if (existing) {
    const session = await openWorkspaceSession(registry, existing)
    try {
      // Merging only adds, but a version first means the merge can be undone by restoring it.
      if (actor) {
        createVersion(session.doc, { name: automaticVersionName('before-import', now, `“${file.header.name}”`), kind: 'before-import' }, actor, now)
      }
      mergeUpdate(session.doc, file.update)
    } finally {
      await session.destroy()
    }
    return { entry: existing, mergedIntoExisting: true }
  }
  const doc = makeWorkspaceDoc(file.header.workspaceId)
  Y.applyUpdate(doc, file.update, IMPORT)
  const entry: RegistryEntry = {
    id: file.header.workspaceId,
    secret: file.header.secret,
    name: readWorkspaceMeta(doc).name || file.header.name,
    createdAt: now,
    lastOpenedAt: now,
    lastEditedAt: now
  }
  await storeNewWorkspace(registry, doc, entry)
  return { entry, mergedIntoExisting: false }
}

const requireStored = async (persistence: WorkspacePersistence): Promise<void> => {
  const status = await persistence.settled
  if (status.status === 'unavailable') throw new Error(status.problem.message)
  // Compacting awaits its own write, so a full disk is reported here and not later.
  await persistence.compact()
  if (persistence.writeProblem) throw new Error(persistence.writeProblem.message)
}

/** Renames a workspace from the device's list: the name lives in the doc so peers see it. */
export const renameWorkspaceOnDevice = async (
  registry: Registry,
  entry: RegistryEntry,
  name: string
): Promise<RegistryEntry> => {
  const session = await openWorkspaceSession(registry, entry)
  try {
    renameWorkspace(session.doc, name)
  } finally {
    await session.destroy()
  }
  const renamed = { ...entry, name, lastEditedAt: Date.now() }
  await registry.put(renamed)
  return renamed
}


/** Remembers that a backup of this workspace was just made on this device. */
export const recordBackup = async (registry: Registry, entry: RegistryEntry, now = Date.now()): Promise<RegistryEntry> => {
  const latest = (await registry.get(entry.id)) ?? entry
  const updated = { ...latest, lastBackupAt: now }
  await registry.put(updated)
  return updated
}
