import type * as Y from 'yjs'
import type { WorkspaceId } from '../domain/ids'
import type { RegistryEntry } from '../domain/registry-entry'
import { makeWorkspaceDoc } from '../crdt/workspace-doc'
import { migrateWorkspace } from '../crdt/migrations'
import { checkSchemaCompatibility, type SchemaCompatibility } from '../crdt/schema-version'
import { readWorkspaceMeta } from '../crdt/workspace-meta'
import { IMPORT, LOCAL_EDIT, MIGRATION } from '../crdt/origins'
import type { Registry } from './registry'
import { takeEarlyOpen } from './early-open'
import { openWorkspacePersistence, type PersistenceOptions, type WorkspacePersistence } from './workspace-persistence'

/** How long edits settle before the device registry's "last edited" is written. */
const LAST_EDITED_DEBOUNCE_MS = 1500

export interface WorkspaceSession {
  readonly id: WorkspaceId
  readonly doc: Y.Doc
  readonly persistence: WorkspacePersistence
  /** Schema state after loading (and migrating, when this build can). */
  compatibility(): SchemaCompatibility
  /** Writes pending bookkeeping now; safe to call from `pagehide`. */
  flush(): void
  destroy(): Promise<void>
}

/**
 * Opens a workspace from this device: its doc, its storage, the schema check and migration,
 * and the registry's "last edited" bookkeeping. Sync is attached separately by the app.
 */
export const openWorkspaceSession = async (
  registry: Registry,
  entry: RegistryEntry,
  options: PersistenceOptions = {}
): Promise<WorkspaceSession> => {
  // Timing marks read by the open benchmark (tests/bench/workspace-open.bench.ts).
  performance.mark('mutual:session:start')
  // The app may have started loading this workspace already, while it was starting up.
  const early = await takeEarlyOpen(entry.id)
  const doc = early?.doc ?? makeWorkspaceDoc(entry.id)
  const persistence = early?.persistence ?? openWorkspacePersistence(doc, entry.id, options)
  await persistence.settled

  if (persistence.status.status === 'ready') migrateWorkspace(doc)
  let current: RegistryEntry = { ...entry, lastOpenedAt: Date.now() }
  let dirty = true
  let timer: ReturnType<typeof setTimeout> | null = null

  const writeEntry = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    if (!dirty) return
    dirty = false
    const name = readWorkspaceMeta(doc).name
    current = { ...current, name: name || current.name }
    const { name: latestName, lastOpenedAt, lastEditedAt } = current
    // Over the stored entry, so fields others keep there (last backup, last peer seen) survive;
    // begun now, in one transaction, so a flush on `pagehide` is not lost with the page.
    registry.putSessionFields(current, { name: latestName, lastOpenedAt, lastEditedAt }).catch(() => {
      dirty = true
    })
  }

  // Local edits, imports and remote changes all count as edits; loading from disk does not.
  const onUpdate = (_update: Uint8Array, origin: unknown): void => {
    const fromThisDevice = origin === LOCAL_EDIT || origin === IMPORT || origin === MIGRATION
    const fromPeer = typeof origin === 'object' && origin !== null && origin !== persistence
    if (!fromThisDevice && !fromPeer) return
    current = { ...current, lastEditedAt: Date.now() }
    dirty = true
    if (!timer) timer = setTimeout(writeEntry, LAST_EDITED_DEBOUNCE_MS)
  }
  doc.on('update', onUpdate)
  writeEntry()

  let destroyed = false
  performance.mark('mutual:open:ready')
  return {
    id: entry.id,
    doc,
    persistence,
    compatibility: () => checkSchemaCompatibility(doc),
    flush() {
      persistence.flush()
      writeEntry()
    },
    async destroy() {
      if (destroyed) return
      destroyed = true
      doc.off('update', onUpdate)
      writeEntry()
      await persistence.destroy()
      doc.destroy()
    }
  }
}
